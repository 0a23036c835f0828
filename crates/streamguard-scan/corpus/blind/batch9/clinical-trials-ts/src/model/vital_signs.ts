// VitalSigns: clinical trial domain record. Keep field names in step with the proto message.

export interface VitalSigns {
  id: string;
  note: string;
  status: string;
  kind: string;
  updatedAt: number;
  revision: number;
  owner: string;
  tags: string[];
}

export function validateVitalSigns(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  return errors;
}

export function normalizeVitalSigns(raw: Record<string, any>): VitalSigns {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
  };
}

export function vitalSignsKey(o: VitalSigns): string {
  return `vital_signs:${o.id}`;
}


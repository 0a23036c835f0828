// Arm: clinical trial domain record. Keep field names in step with the proto message.

export interface Arm {
  id: string;
  note: string;
  label: string;
  updatedAt: number;
  revision: number;
  kind: string;
  siteId: string;
  owner: string;
  score: number;
}

export function validateArm(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  return errors;
}

export function normalizeArm(raw: Record<string, any>): Arm {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
  };
}

export function armKey(o: Arm): string {
  return `arm:${o.id}`;
}


// EcgReading: clinical trial domain record. Keep field names in step with the proto message.

export interface EcgReading {
  id: string;
  kind: string;
  siteId: string;
  updatedAt: number;
  tags: string[];
  owner: string;
  status: string;
}

export function validateEcgReading(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

export function normalizeEcgReading(raw: Record<string, any>): EcgReading {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    owner: String(raw.owner ?? raw.owner ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
  };
}

export function ecgReadingKey(o: EcgReading): string {
  return `ecg_reading:${o.id}`;
}


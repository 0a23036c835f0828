// SdvRecord: clinical trial domain record. Keep field names in step with the proto message.

export interface SdvRecord {
  id: string;
  tags: string[];
  updatedAt: number;
  createdAt: number;
  score: number;
  owner: string;
  label: string;
  revision: number;
  note: string;
  status: string;
}

export function validateSdvRecord(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

export function normalizeSdvRecord(raw: Record<string, any>): SdvRecord {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
    owner: String(raw.owner ?? raw.owner ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
  };
}

export function sdvRecordKey(o: SdvRecord): string {
  return `sdv_record:${o.id}`;
}


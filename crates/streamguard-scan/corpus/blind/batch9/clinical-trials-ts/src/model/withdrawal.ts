// Withdrawal: clinical trial domain record. Keep field names in step with the proto message.

export interface Withdrawal {
  id: string;
  kind: string;
  note: string;
  score: number;
  createdAt: number;
  siteId: string;
  tags: string[];
  owner: string;
  status: string;
  updatedAt: number;
}

export function validateWithdrawal(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  return errors;
}

export function normalizeWithdrawal(raw: Record<string, any>): Withdrawal {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    owner: String(raw.owner ?? raw.owner ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
  };
}

export function withdrawalKey(o: Withdrawal): string {
  return `withdrawal:${o.id}`;
}


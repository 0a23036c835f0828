// Investigator: clinical trial domain record. Keep field names in step with the proto message.

export interface Investigator {
  id: string;
  siteId: string;
  note: string;
  score: number;
  owner: string;
  tags: string[];
  createdAt: number;
  status: string;
  kind: string;
  label: string;
}

export function validateInvestigator(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  return errors;
}

export function normalizeInvestigator(raw: Record<string, any>): Investigator {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    owner: String(raw.owner ?? raw.owner ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
  };
}

export function investigatorKey(o: Investigator): string {
  return `investigator:${o.id}`;
}


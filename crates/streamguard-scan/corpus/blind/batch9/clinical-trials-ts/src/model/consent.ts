// Consent: clinical trial domain record. Keep field names in step with the proto message.

export interface Consent {
  id: string;
  kind: string;
  status: string;
  owner: string;
  tags: string[];
  siteId: string;
  createdAt: number;
  note: string;
  score: number;
  label: string;
}

export function validateConsent(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  return errors;
}

export function normalizeConsent(raw: Record<string, any>): Consent {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    label: String(raw.label ?? raw.label ?? ''),
  };
}

export function consentKey(o: Consent): string {
  return `consent:${o.id}`;
}


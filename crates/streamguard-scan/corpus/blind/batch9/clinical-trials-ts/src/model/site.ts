// Site: clinical trial domain record. Keep field names in step with the proto message.

export interface Site {
  id: string;
  kind: string;
  tags: string[];
  label: string;
  createdAt: number;
  owner: string;
  siteId: string;
  updatedAt: number;
  status: string;
  revision: number;
}

export function validateSite(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  return errors;
}

export function normalizeSite(raw: Record<string, any>): Site {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    label: String(raw.label ?? raw.label ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
  };
}

export function siteKey(o: Site): string {
  return `site:${o.id}`;
}


// DataQuery: clinical trial domain record. Keep field names in step with the proto message.

export interface DataQuery {
  id: string;
  score: number;
  updatedAt: number;
  owner: string;
  kind: string;
  label: string;
  siteId: string;
  tags: string[];
}

export function validateDataQuery(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  return errors;
}

export function normalizeDataQuery(raw: Record<string, any>): DataQuery {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
  };
}

export function dataQueryKey(o: DataQuery): string {
  return `data_query:${o.id}`;
}


// UnscheduledVisit: clinical trial domain record. Keep field names in step with the proto message.

export interface UnscheduledVisit {
  id: string;
  siteId: string;
  updatedAt: number;
  kind: string;
  createdAt: number;
  note: string;
  label: string;
  owner: string;
  status: string;
  tags: string[];
}

export function validateUnscheduledVisit(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  return errors;
}

export function normalizeUnscheduledVisit(raw: Record<string, any>): UnscheduledVisit {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
  };
}

export function unscheduledVisitKey(o: UnscheduledVisit): string {
  return `unscheduled_visit:${o.id}`;
}


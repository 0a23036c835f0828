// AdverseEvent: clinical trial domain record. Keep field names in step with the proto message.

export interface AdverseEvent {
  id: string;
  status: string;
  updatedAt: number;
  siteId: string;
  note: string;
  tags: string[];
  revision: number;
  label: string;
}

export function validateAdverseEvent(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  return errors;
}

export function normalizeAdverseEvent(raw: Record<string, any>): AdverseEvent {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    label: String(raw.label ?? raw.label ?? ''),
  };
}

export function adverseEventKey(o: AdverseEvent): string {
  return `adverse_event:${o.id}`;
}


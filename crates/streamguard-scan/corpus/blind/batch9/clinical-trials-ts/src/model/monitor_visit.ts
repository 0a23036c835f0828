// MonitorVisit: clinical trial domain record. Keep field names in step with the proto message.

export interface MonitorVisit {
  id: string;
  note: string;
  updatedAt: number;
  tags: string[];
  siteId: string;
  label: string;
}

export function validateMonitorVisit(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  return errors;
}

export function normalizeMonitorVisit(raw: Record<string, any>): MonitorVisit {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
  };
}

export function monitorVisitKey(o: MonitorVisit): string {
  return `monitor_visit:${o.id}`;
}


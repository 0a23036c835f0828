// AuditEntry: clinical trial domain record. Keep field names in step with the proto message.

export interface AuditEntry {
  id: string;
  note: string;
  createdAt: number;
  siteId: string;
  tags: string[];
  kind: string;
  updatedAt: number;
}

export function validateAuditEntry(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  return errors;
}

export function normalizeAuditEntry(raw: Record<string, any>): AuditEntry {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    kind: String(raw.kind ?? raw.kind ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
  };
}

export function auditEntryKey(o: AuditEntry): string {
  return `audit_entry:${o.id}`;
}


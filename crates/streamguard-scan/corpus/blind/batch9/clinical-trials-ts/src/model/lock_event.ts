// LockEvent: clinical trial domain record. Keep field names in step with the proto message.

export interface LockEvent {
  id: string;
  revision: number;
  status: string;
  tags: string[];
  siteId: string;
  note: string;
  owner: string;
}

export function validateLockEvent(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  return errors;
}

export function normalizeLockEvent(raw: Record<string, any>): LockEvent {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
  };
}

export function lockEventKey(o: LockEvent): string {
  return `lock_event:${o.id}`;
}


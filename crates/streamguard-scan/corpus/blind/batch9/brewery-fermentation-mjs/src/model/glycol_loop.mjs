// GlycolLoop: brewery domain record. Keep field names in step with the proto message.

export function validateGlycolLoop(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  return errors;
}

export function normalizeGlycolLoop(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
  };
}

export function glycolLoopKey(o) {
  return `glycol_loop:${o.id}`;
}


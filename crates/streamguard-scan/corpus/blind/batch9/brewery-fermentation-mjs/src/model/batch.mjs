// Batch: brewery domain record. Keep field names in step with the proto message.

export function validateBatch(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  return errors;
}

export function normalizeBatch(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
  };
}

export function batchKey(o) {
  return `batch:${o.id}`;
}


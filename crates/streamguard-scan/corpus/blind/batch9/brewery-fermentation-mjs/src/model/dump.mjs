// Dump: brewery domain record. Keep field names in step with the proto message.

export function validateDump(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  return errors;
}

export function normalizeDump(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    status: String(raw.status ?? raw.status ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
  };
}

export function dumpKey(o) {
  return `dump:${o.id}`;
}


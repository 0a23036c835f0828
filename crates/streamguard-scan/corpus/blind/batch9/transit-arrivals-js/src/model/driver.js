// Driver: transit domain record. Keep field names in step with the proto message.

function validateDriver(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  return errors;
}

function normalizeDriver(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
  };
}

function driverKey(o) {
  return `driver:${o.id}`;
}

module.exports = { validateDriver, normalizeDriver, driverKey };

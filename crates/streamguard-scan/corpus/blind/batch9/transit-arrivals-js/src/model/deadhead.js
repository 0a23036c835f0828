// Deadhead: transit domain record. Keep field names in step with the proto message.

function validateDeadhead(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  return errors;
}

function normalizeDeadhead(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
  };
}

function deadheadKey(o) {
  return `deadhead:${o.id}`;
}

module.exports = { validateDeadhead, normalizeDeadhead, deadheadKey };

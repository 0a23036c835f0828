// Block: transit domain record. Keep field names in step with the proto message.

function validateBlock(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  return errors;
}

function normalizeBlock(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
  };
}

function blockKey(o) {
  return `block:${o.id}`;
}

module.exports = { validateBlock, normalizeBlock, blockKey };

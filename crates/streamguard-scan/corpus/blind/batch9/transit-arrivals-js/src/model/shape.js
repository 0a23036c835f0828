// Shape: transit domain record. Keep field names in step with the proto message.

function validateShape(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  return errors;
}

function normalizeShape(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
  };
}

function shapeKey(o) {
  return `shape:${o.id}`;
}

module.exports = { validateShape, normalizeShape, shapeKey };

// Stop: transit domain record. Keep field names in step with the proto message.

function validateStop(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  return errors;
}

function normalizeStop(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    owner: String(raw.owner ?? raw.owner ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
  };
}

function stopKey(o) {
  return `stop:${o.id}`;
}

module.exports = { validateStop, normalizeStop, stopKey };

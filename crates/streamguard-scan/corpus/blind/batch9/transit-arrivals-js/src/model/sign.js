// Sign: transit domain record. Keep field names in step with the proto message.

function validateSign(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  return errors;
}

function normalizeSign(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    label: String(raw.label ?? raw.label ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
  };
}

function signKey(o) {
  return `sign:${o.id}`;
}

module.exports = { validateSign, normalizeSign, signKey };

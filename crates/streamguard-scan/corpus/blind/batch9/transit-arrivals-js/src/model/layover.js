// Layover: transit domain record. Keep field names in step with the proto message.

function validateLayover(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  return errors;
}

function normalizeLayover(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
    owner: String(raw.owner ?? raw.owner ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
  };
}

function layoverKey(o) {
  return `layover:${o.id}`;
}

module.exports = { validateLayover, normalizeLayover, layoverKey };

// Timepoint: transit domain record. Keep field names in step with the proto message.

function validateTimepoint(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  return errors;
}

function normalizeTimepoint(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
  };
}

function timepointKey(o) {
  return `timepoint:${o.id}`;
}

module.exports = { validateTimepoint, normalizeTimepoint, timepointKey };

// Platform: transit domain record. Keep field names in step with the proto message.

function validatePlatform(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  return errors;
}

function normalizePlatform(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
  };
}

function platformKey(o) {
  return `platform:${o.id}`;
}

module.exports = { validatePlatform, normalizePlatform, platformKey };

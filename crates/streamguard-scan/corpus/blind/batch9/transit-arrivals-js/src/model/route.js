// Route: transit domain record. Keep field names in step with the proto message.

function validateRoute(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  return errors;
}

function normalizeRoute(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
  };
}

function routeKey(o) {
  return `route:${o.id}`;
}

module.exports = { validateRoute, normalizeRoute, routeKey };

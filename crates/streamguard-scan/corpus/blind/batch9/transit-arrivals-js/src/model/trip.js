// Trip: transit domain record. Keep field names in step with the proto message.

function validateTrip(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  return errors;
}

function normalizeTrip(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
  };
}

function tripKey(o) {
  return `trip:${o.id}`;
}

module.exports = { validateTrip, normalizeTrip, tripKey };

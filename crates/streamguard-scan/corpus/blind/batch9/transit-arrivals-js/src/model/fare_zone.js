// FareZone: transit domain record. Keep field names in step with the proto message.

function validateFareZone(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  return errors;
}

function normalizeFareZone(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
  };
}

function fareZoneKey(o) {
  return `fare_zone:${o.id}`;
}

module.exports = { validateFareZone, normalizeFareZone, fareZoneKey };

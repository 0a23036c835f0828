// Crowding: transit domain record. Keep field names in step with the proto message.

function validateCrowding(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  return errors;
}

function normalizeCrowding(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    kind: String(raw.kind ?? raw.kind ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
  };
}

function crowdingKey(o) {
  return `crowding:${o.id}`;
}

module.exports = { validateCrowding, normalizeCrowding, crowdingKey };

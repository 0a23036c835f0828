// Depot: transit domain record. Keep field names in step with the proto message.

function validateDepot(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  return errors;
}

function normalizeDepot(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
    kind: String(raw.kind ?? raw.kind ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
  };
}

function depotKey(o) {
  return `depot:${o.id}`;
}

module.exports = { validateDepot, normalizeDepot, depotKey };

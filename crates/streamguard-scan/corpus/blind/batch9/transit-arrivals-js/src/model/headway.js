// Headway: transit domain record. Keep field names in step with the proto message.

function validateHeadway(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  return errors;
}

function normalizeHeadway(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    note: String(raw.note ?? raw.note ?? ''),
  };
}

function headwayKey(o) {
  return `headway:${o.id}`;
}

module.exports = { validateHeadway, normalizeHeadway, headwayKey };

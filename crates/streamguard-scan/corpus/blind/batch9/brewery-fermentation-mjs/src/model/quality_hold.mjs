// QualityHold: brewery domain record. Keep field names in step with the proto message.

export function validateQualityHold(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  return errors;
}

export function normalizeQualityHold(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    score: Number(raw.score ?? raw.score ?? 0),
  };
}

export function qualityHoldKey(o) {
  return `quality_hold:${o.id}`;
}


// CanLine: brewery domain record. Keep field names in step with the proto message.

export function validateCanLine(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  return errors;
}

export function normalizeCanLine(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
  };
}

export function canLineKey(o) {
  return `can_line:${o.id}`;
}


// Tank: brewery domain record. Keep field names in step with the proto message.

export function validateTank(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  return errors;
}

export function normalizeTank(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    label: String(raw.label ?? raw.label ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
  };
}

export function tankKey(o) {
  return `tank:${o.id}`;
}


// PackagingRun: brewery domain record. Keep field names in step with the proto message.

export function validatePackagingRun(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  return errors;
}

export function normalizePackagingRun(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
  };
}

export function packagingRunKey(o) {
  return `packaging_run:${o.id}`;
}


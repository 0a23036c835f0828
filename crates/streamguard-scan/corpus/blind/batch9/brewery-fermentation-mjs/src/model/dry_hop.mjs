// DryHop: brewery domain record. Keep field names in step with the proto message.

export function validateDryHop(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  return errors;
}

export function normalizeDryHop(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    label: String(raw.label ?? raw.label ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
  };
}

export function dryHopKey(o) {
  return `dry_hop:${o.id}`;
}


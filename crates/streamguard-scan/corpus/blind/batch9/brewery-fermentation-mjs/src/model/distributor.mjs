// Distributor: brewery domain record. Keep field names in step with the proto message.

export function validateDistributor(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  return errors;
}

export function normalizeDistributor(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    owner: String(raw.owner ?? raw.owner ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
  };
}

export function distributorKey(o) {
  return `distributor:${o.id}`;
}


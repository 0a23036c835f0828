// HopAddition: brewery domain record. Keep field names in step with the proto message.

export function validateHopAddition(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

export function normalizeHopAddition(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
  };
}

export function hopAdditionKey(o) {
  return `hop_addition:${o.id}`;
}


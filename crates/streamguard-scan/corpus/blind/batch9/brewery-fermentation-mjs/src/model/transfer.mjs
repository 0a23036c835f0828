// Transfer: brewery domain record. Keep field names in step with the proto message.

export function validateTransfer(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  return errors;
}

export function normalizeTransfer(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
  };
}

export function transferKey(o) {
  return `transfer:${o.id}`;
}


// CipCycle: brewery domain record. Keep field names in step with the proto message.

export function validateCipCycle(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  return errors;
}

export function normalizeCipCycle(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    label: String(raw.label ?? raw.label ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
  };
}

export function cipCycleKey(o) {
  return `cip_cycle:${o.id}`;
}


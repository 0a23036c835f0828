// CellarTask: brewery domain record. Keep field names in step with the proto message.

export function validateCellarTask(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  return errors;
}

export function normalizeCellarTask(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    label: String(raw.label ?? raw.label ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    status: String(raw.status ?? raw.status ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
  };
}

export function cellarTaskKey(o) {
  return `cellar_task:${o.id}`;
}


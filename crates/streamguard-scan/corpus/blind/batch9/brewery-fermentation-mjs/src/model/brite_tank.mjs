// BriteTank: brewery domain record. Keep field names in step with the proto message.

export function validateBriteTank(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  return errors;
}

export function normalizeBriteTank(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    note: String(raw.note ?? raw.note ?? ''),
  };
}

export function briteTankKey(o) {
  return `brite_tank:${o.id}`;
}


// LabResult: brewery domain record. Keep field names in step with the proto message.

export function validateLabResult(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  return errors;
}

export function normalizeLabResult(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
  };
}

export function labResultKey(o) {
  return `lab_result:${o.id}`;
}


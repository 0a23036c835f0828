// Pitch: brewery domain record. Keep field names in step with the proto message.

export function validatePitch(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  return errors;
}

export function normalizePitch(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
  };
}

export function pitchKey(o) {
  return `pitch:${o.id}`;
}


// WaterProfile: brewery domain record. Keep field names in step with the proto message.

export function validateWaterProfile(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  return errors;
}

export function normalizeWaterProfile(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    note: String(raw.note ?? raw.note ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
  };
}

export function waterProfileKey(o) {
  return `water_profile:${o.id}`;
}


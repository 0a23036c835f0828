// Recipe: brewery domain record. Keep field names in step with the proto message.

export function validateRecipe(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  return errors;
}

export function normalizeRecipe(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
  };
}

export function recipeKey(o) {
  return `recipe:${o.id}`;
}


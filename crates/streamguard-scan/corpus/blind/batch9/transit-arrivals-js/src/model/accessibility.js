// Accessibility: transit domain record. Keep field names in step with the proto message.

function validateAccessibility(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  return errors;
}

function normalizeAccessibility(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    label: String(raw.label ?? raw.label ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
  };
}

function accessibilityKey(o) {
  return `accessibility:${o.id}`;
}

module.exports = { validateAccessibility, normalizeAccessibility, accessibilityKey };

// Pattern: transit domain record. Keep field names in step with the proto message.

function validatePattern(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  return errors;
}

function normalizePattern(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
  };
}

function patternKey(o) {
  return `pattern:${o.id}`;
}

module.exports = { validatePattern, normalizePattern, patternKey };

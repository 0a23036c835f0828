// StopTime: transit domain record. Keep field names in step with the proto message.

function validateStopTime(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  return errors;
}

function normalizeStopTime(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    note: String(raw.note ?? raw.note ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
  };
}

function stopTimeKey(o) {
  return `stop_time:${o.id}`;
}

module.exports = { validateStopTime, normalizeStopTime, stopTimeKey };

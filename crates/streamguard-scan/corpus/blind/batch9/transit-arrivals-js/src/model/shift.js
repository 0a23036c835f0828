// Shift: transit domain record. Keep field names in step with the proto message.

function validateShift(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  return errors;
}

function normalizeShift(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
  };
}

function shiftKey(o) {
  return `shift:${o.id}`;
}

module.exports = { validateShift, normalizeShift, shiftKey };

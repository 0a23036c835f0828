// Farebox: transit domain record. Keep field names in step with the proto message.

function validateFarebox(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  return errors;
}

function normalizeFarebox(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
  };
}

function fareboxKey(o) {
  return `farebox:${o.id}`;
}

module.exports = { validateFarebox, normalizeFarebox, fareboxKey };

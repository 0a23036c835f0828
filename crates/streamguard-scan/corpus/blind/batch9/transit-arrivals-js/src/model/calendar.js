// Calendar: transit domain record. Keep field names in step with the proto message.

function validateCalendar(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  return errors;
}

function normalizeCalendar(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
  };
}

function calendarKey(o) {
  return `calendar:${o.id}`;
}

module.exports = { validateCalendar, normalizeCalendar, calendarKey };

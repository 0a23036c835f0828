// ServiceAlert: transit domain record. Keep field names in step with the proto message.

function validateServiceAlert(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  return errors;
}

function normalizeServiceAlert(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    label: String(raw.label ?? raw.label ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    owner: String(raw.owner ?? raw.owner ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    note: String(raw.note ?? raw.note ?? ''),
  };
}

function serviceAlertKey(o) {
  return `service_alert:${o.id}`;
}

module.exports = { validateServiceAlert, normalizeServiceAlert, serviceAlertKey };

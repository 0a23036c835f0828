// RiderFeedback: transit domain record. Keep field names in step with the proto message.

function validateRiderFeedback(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

function normalizeRiderFeedback(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    label: String(raw.label ?? raw.label ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    status: String(raw.status ?? raw.status ?? ''),
  };
}

function riderFeedbackKey(o) {
  return `rider_feedback:${o.id}`;
}

module.exports = { validateRiderFeedback, normalizeRiderFeedback, riderFeedbackKey };

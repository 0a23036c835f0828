// Agency: transit domain record. Keep field names in step with the proto message.

function validateAgency(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

function normalizeAgency(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    kind: String(raw.kind ?? raw.kind ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
  };
}

function agencyKey(o) {
  return `agency:${o.id}`;
}

module.exports = { validateAgency, normalizeAgency, agencyKey };

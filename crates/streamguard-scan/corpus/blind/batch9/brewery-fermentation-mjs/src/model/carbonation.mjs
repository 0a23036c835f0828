// Carbonation: brewery domain record. Keep field names in step with the proto message.

export function validateCarbonation(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  return errors;
}

export function normalizeCarbonation(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
  };
}

export function carbonationKey(o) {
  return `carbonation:${o.id}`;
}


// Shipment: brewery domain record. Keep field names in step with the proto message.

export function validateShipment(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

export function normalizeShipment(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    status: String(raw.status ?? raw.status ?? ''),
  };
}

export function shipmentKey(o) {
  return `shipment:${o.id}`;
}


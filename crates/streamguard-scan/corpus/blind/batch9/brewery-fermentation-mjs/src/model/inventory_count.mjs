// InventoryCount: brewery domain record. Keep field names in step with the proto message.

export function validateInventoryCount(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  return errors;
}

export function normalizeInventoryCount(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    note: String(raw.note ?? raw.note ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
  };
}

export function inventoryCountKey(o) {
  return `inventory_count:${o.id}`;
}


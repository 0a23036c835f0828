// SensoryPanel: brewery domain record. Keep field names in step with the proto message.

export function validateSensoryPanel(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  return errors;
}

export function normalizeSensoryPanel(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
  };
}

export function sensoryPanelKey(o) {
  return `sensory_panel:${o.id}`;
}


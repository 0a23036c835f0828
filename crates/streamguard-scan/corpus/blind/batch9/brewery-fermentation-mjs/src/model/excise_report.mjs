// ExciseReport: brewery domain record. Keep field names in step with the proto message.

export function validateExciseReport(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  return errors;
}

export function normalizeExciseReport(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
  };
}

export function exciseReportKey(o) {
  return `excise_report:${o.id}`;
}


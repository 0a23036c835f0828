// OccupancyReport: transit domain record. Keep field names in step with the proto message.

function validateOccupancyReport(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  return errors;
}

function normalizeOccupancyReport(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
  };
}

function occupancyReportKey(o) {
  return `occupancy_report:${o.id}`;
}

module.exports = { validateOccupancyReport, normalizeOccupancyReport, occupancyReportKey };

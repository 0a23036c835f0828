// Holiday: transit domain record. Keep field names in step with the proto message.

function validateHoliday(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  return errors;
}

function normalizeHoliday(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
  };
}

function holidayKey(o) {
  return `holiday:${o.id}`;
}

module.exports = { validateHoliday, normalizeHoliday, holidayKey };

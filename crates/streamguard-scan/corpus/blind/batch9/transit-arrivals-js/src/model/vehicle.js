// Vehicle: transit domain record. Keep field names in step with the proto message.

function validateVehicle(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

function normalizeVehicle(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
  };
}

function vehicleKey(o) {
  return `vehicle:${o.id}`;
}

module.exports = { validateVehicle, normalizeVehicle, vehicleKey };

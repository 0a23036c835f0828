// Announcement: transit domain record. Keep field names in step with the proto message.

function validateAnnouncement(o) {
  const errors = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

function normalizeAnnouncement(raw) {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
  };
}

function announcementKey(o) {
  return `announcement:${o.id}`;
}

module.exports = { validateAnnouncement, normalizeAnnouncement, announcementKey };

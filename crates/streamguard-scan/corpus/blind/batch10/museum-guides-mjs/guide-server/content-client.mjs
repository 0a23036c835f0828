const CMS = process.env.CMS_URL ?? 'http://cms.museum.internal';
const SENSORS = process.env.OCCUPANCY_URL ?? 'http://occupancy.museum.internal';

export async function exhibit(id, language, signal) {
  const res = await fetch(`${CMS}/exhibits/${encodeURIComponent(id)}?lang=${language}`, { signal });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`cms ${res.status}`);
  return res.json();
}

export async function tourManifest(tourId, language, signal) {
  const res = await fetch(`${CMS}/tours/${encodeURIComponent(tourId)}?lang=${language}`, { signal });
  if (!res.ok) throw new Error(`cms ${res.status}`);
  return res.json();
}

export async function audio(url, signal) {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`audio ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export async function occupancy(galleryId, signal) {
  const res = await fetch(`${SENSORS}/galleries/${encodeURIComponent(galleryId)}/count`, { signal });
  if (!res.ok) throw new Error(`occupancy ${res.status}`);
  return res.json();
}

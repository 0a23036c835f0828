import { request } from 'undici';

// The PLC gateway exposes each ride's controller over HTTP.
export async function readRide(cfg, rideId, { signal }) {
  const res = await request(`${cfg.plcUrl}/rides/${encodeURIComponent(rideId)}/status`, { signal });
  if (res.statusCode !== 200) throw new Error(`plc status ${res.statusCode}`);
  return res.body.json();
}

export async function sendAction(cfg, rideId, action, { signal }) {
  const res = await request(`${cfg.plcUrl}/rides/${encodeURIComponent(rideId)}/actions`, {
    method: 'POST',
    body: JSON.stringify({ action }),
    headers: { 'content-type': 'application/json' },
    signal,
  });
  if (res.statusCode >= 300) throw new Error(`plc refused: ${res.statusCode}`);
  return res.body.json();
}

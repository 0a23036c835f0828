'use strict';
// Thin client for the predictions HTTP service (AVL + schedule blend).
const config = require('./config');

async function arrivalsAt(stopId, horizonMin) {
  const url = `${config.predictionsUrl}/v2/stops/${encodeURIComponent(stopId)}/arrivals?horizon=${horizonMin}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(4000) });
  if (!res.ok) throw new Error(`predictions ${res.status} for stop ${stopId}`);
  const body = await res.json();
  return body.arrivals.map((a) => ({
    stopId,
    route: a.route,
    tripId: a.trip_id,
    etaUnix: a.eta,
    realtime: Boolean(a.realtime),
  }));
}

async function stopInfo(stopId) {
  const res = await fetch(`${config.predictionsUrl}/v2/stops/${encodeURIComponent(stopId)}`, {
    signal: AbortSignal.timeout(2000),
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`predictions ${res.status}`);
  return res.json();
}

module.exports = { arrivalsAt, stopInfo };

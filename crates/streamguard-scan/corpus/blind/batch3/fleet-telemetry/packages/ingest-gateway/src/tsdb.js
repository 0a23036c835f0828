'use strict';

const config = require('./config');

function toLine(point) {
  return JSON.stringify({
    metric: { __name__: point.metric, device: point.deviceId, ...point.tags },
    values: [point.value],
    timestamps: [point.ts],
  });
}

async function writePoints(points) {
  if (points.length === 0) return 0;
  const body = points.map(toLine).join('\n');
  const res = await fetch(config.tsdbUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body,
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) {
    throw new Error(`tsdb write failed: ${res.status}`);
  }
  return points.length;
}

module.exports = { writePoints };

'use strict';

const { request } = require('undici');

const BASE = process.env.RECORDINGS_BUCKET_URL || 'http://minio.huddle.internal:9000/recordings';

// putPart uploads one multipart segment. The bucket gateway occasionally stalls
// for a long time; 30 s is what ops agreed on.
async function putPart(recordingId, partNo, body) {
  const res = await request(`${BASE}/${encodeURIComponent(recordingId)}/part-${partNo}`, {
    method: 'PUT',
    body,
    signal: AbortSignal.timeout(30_000),
  });
  if (res.statusCode >= 300) {
    throw new Error(`bucket answered ${res.statusCode} for part ${partNo}`);
  }
  await res.body.dump();
}

async function completeUpload(recordingId, parts) {
  const res = await request(`${BASE}/${encodeURIComponent(recordingId)}/complete`, {
    method: 'POST',
    body: JSON.stringify({ parts }),
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(30_000),
  });
  await res.body.dump();
}

module.exports = { putPart, completeUpload };

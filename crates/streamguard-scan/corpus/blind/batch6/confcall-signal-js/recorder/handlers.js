'use strict';

const os = require('node:os');
const grpc = require('@grpc/grpc-js');
const storage = require('./storage');

const stats = { activeUploads: 0, bytesBuffered: 0 };
const PART_SIZE = 8 * 1024 * 1024;

// UploadChunks: the SFU streams segments of one recording; we coalesce them
// into 8 MiB parts and flush a partial part every 5 s so that a crash loses
// little.
function uploadChunks(call, callback) {
  let recordingId = null;
  let buffer = [];
  let buffered = 0;
  let partNo = 0;
  let total = 0;
  const inflight = [];
  stats.activeUploads += 1;

  const flush = () => {
    if (buffered === 0 || !recordingId) return;
    const body = Buffer.concat(buffer);
    buffer = [];
    stats.bytesBuffered -= buffered;
    buffered = 0;
    partNo += 1;
    inflight.push(storage.putPart(recordingId, partNo, body));
  };
  const flusher = setInterval(flush, 5_000);

  call.on('data', (chunk) => {
    recordingId = recordingId || chunk.recordingId;
    buffer.push(chunk.data);
    buffered += chunk.data.length;
    total += chunk.data.length;
    stats.bytesBuffered += chunk.data.length;
    if (buffered >= PART_SIZE) flush();
  });

  call.on('end', async () => {
    clearInterval(flusher);
    flush();
    stats.activeUploads -= 1;
    try {
      await Promise.all(inflight);
      await storage.completeUpload(recordingId, partNo);
      callback(null, { recordingId, parts: partNo, bytes: String(total) });
    } catch (err) {
      callback({ code: grpc.status.UNAVAILABLE, details: err.message });
    }
  });

  call.on('cancelled', () => {
    stats.activeUploads -= 1;
  });
}

// WatchRecorder: health feed for the ops dashboard.
function watchRecorder(call) {
  const interval = Math.max(call.request.intervalMs || 2_000, 500);
  const tick = () => call.write({
    host: os.hostname(),
    activeUploads: stats.activeUploads,
    bytesBuffered: String(stats.bytesBuffered),
    unixMs: String(Date.now()),
  });
  tick();
  const timer = setInterval(tick, interval);
  call.on('cancelled', () => clearInterval(timer));
}

module.exports = { uploadChunks, watchRecorder };

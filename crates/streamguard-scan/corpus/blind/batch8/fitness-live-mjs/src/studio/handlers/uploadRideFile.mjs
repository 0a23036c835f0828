import grpc from '@grpc/grpc-js';
import { config } from '../../shared/config.mjs';

function remainingMs(call) {
  const d = call.getDeadline();
  const t = d instanceof Date ? d.getTime() : Number(d);
  return Number.isFinite(t) ? Math.max(0, t - Date.now()) : 60_000;
}

export function makeUploadRideFile() {
  return function uploadRideFile(call, rider, callback) {
    const chunks = [];
    let size = 0;
    let rideId = '';
    const abort = new AbortController();
    call.on('cancelled', () => abort.abort());

    call.on('data', (chunk) => {
      if (!rideId) rideId = chunk.rideId;
      size += chunk.data.length;
      if (size > config.maxUploadBytes) {
        call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'ride file larger than 20 MiB' });
        return;
      }
      chunks.push(Buffer.from(chunk.data));
    });
    call.on('end', async () => {
      try {
        const res = await fetch(`${config.uploadBucketUrl}/${encodeURIComponent(rider.id)}/${encodeURIComponent(rideId)}.fit`, {
          method: 'PUT',
          body: Buffer.concat(chunks),
          signal: AbortSignal.any([abort.signal, AbortSignal.timeout(remainingMs(call))]),
        });
        if (!res.ok) throw new Error(`bucket answered ${res.status}`);
        callback(null, { rideId, bytes: size });
      } catch (err) {
        callback({ code: grpc.status.UNAVAILABLE, details: err.message });
      }
    });
  };
}

import grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { readers } from '../auth/apiKeyInterceptor.mjs';
import { storeRead } from '../clients/results.mjs';
import { publishSplit } from '../splitsBus.mjs';
import { config } from '../config.mjs';

const require = createRequire(import.meta.url);
const pb = require('../generated/timing_pb.js');

// Reads per second, per reader connection.
const buckets = new Map();

function allow(peer) {
  const now = Date.now();
  let b = buckets.get(peer);
  if (!b || now - b.start >= 1000) {
    b = { start: now, n: 0 };
    buckets.set(peer, b);
  }
  b.n += 1;
  return b.n <= config.readsPerSecondPerReader;
}

export function makeReaderFeed({ raceId }) {
  return function readerFeed(call, callback) {
    const reader = readers.get(call.metadata.get('x-reader-id')[0]);
    if (!reader) {
      callback({ code: grpc.status.UNAUTHENTICATED, details: 'reader not resolved' });
      return;
    }
    const peer = call.getPeer();
    const ac = new AbortController();
    let accepted = 0;
    let rejected = 0;
    const pending = [];

    call.on('cancelled', () => ac.abort());

    call.on('data', (read) => {
      if (!allow(peer)) {
        call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'read rate exceeded' });
        return;
      }
      const matId = read.getMatId();
      if (!reader.mats.includes(matId)) {
        rejected += 1;
        return;
      }
      const body = {
        raceId,
        matId,
        chipId: read.getChipId(),
        readUnixMs: read.getReadUnixMs(),
        readerId: reader.id,
      };
      pending.push(
        storeRead(body, AbortSignal.any([ac.signal, AbortSignal.timeout(5000)]))
          .then((split) => {
            accepted += 1;
            if (split) publishSplit(raceId, split);
          })
          .catch(() => { rejected += 1; }),
      );
    });

    call.on('end', async () => {
      await Promise.allSettled(pending);
      const summary = new pb.FeedSummary();
      summary.setAccepted(accepted);
      summary.setRejected(rejected);
      callback(null, summary);
    });
  };
}

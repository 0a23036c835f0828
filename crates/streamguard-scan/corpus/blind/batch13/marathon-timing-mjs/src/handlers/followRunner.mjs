import grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { RaceGuard } from '../auth/raceGuard.mjs';
import { runnerSplits } from '../clients/results.mjs';
import { splitsBus } from '../splitsBus.mjs';

const require = createRequire(import.meta.url);
const pb = require('../generated/timing_pb.js');

function toSplit(s) {
  const m = new pb.Split();
  m.setBib(s.bib);
  m.setPoint(s.point);
  m.setElapsedMs(s.elapsedMs);
  m.setFinish(Boolean(s.finish));
  return m;
}

// Follows one runner from the start line to the finish (the app's "track
// my runner"). Ends at the finish split.
export function makeFollowRunner() {
  return async function followRunner(call) {
    let guard;
    try {
      guard = await RaceGuard.open(call);
    } catch (err) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: err.message });
      return;
    }
    const raceId = call.request.getRaceId();
    const bib = call.request.getBib();
    if (!(guard.claims.follows ?? []).includes(`${raceId}/${bib}`)) {
      guard.end(grpc.status.PERMISSION_DENIED, 'runner not followed');
      return;
    }

    const key = `${raceId}:${bib}`;
    const onSplit = (s) => {
      if (guard.closed) return;
      call.write(toSplit(s));
      if (s.finish) {
        splitsBus.off(key, onSplit);
        guard.release();
        call.end();
      }
    };
    splitsBus.on(key, onSplit);
    guard.signal.addEventListener('abort', () => splitsBus.off(key, onSplit));

    try {
      const past = await runnerSplits(raceId, bib, guard.signal);
      for (const s of past) onSplit(s);
    } catch (err) {
      if (!guard.closed) guard.end(grpc.status.UNAVAILABLE, 'results unavailable');
    }
  };
}

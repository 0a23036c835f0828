import grpc from '@grpc/grpc-js';
import { RangeGuard } from '../guard.mjs';
import { mayScore } from '../auth.mjs';
import { submitEnd } from '../clients/federation.mjs';

export function makeScoreSession({ feed, limiter }) {
  return async function scoreSession(call) {
    const guard = await RangeGuard.open(call, feed);
    if (!guard) return;
    try {
      for await (const msg of call) {
        guard.touch();
        if (!(await limiter.allow(guard.claims.sub))) {
          guard.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
          return;
        }
        // every end names its own lane and tournament: check each one
        if (!mayScore(guard.claims, msg)) {
          call.write({ requestId: msg.requestId, ok: false, status: 'PERMISSION_DENIED' });
          continue;
        }
        const res = await submitEnd(call, {
          tournamentId: msg.tournamentId,
          archerId: msg.archerId,
          endNo: msg.endNo,
          arrows: msg.arrows,
        });
        call.write({ requestId: msg.requestId, ok: true, status: 'OK', runningTotal: res.runningTotal });
      }
      call.end();
    } catch (e) {
      if (!guard.ended) guard.end(grpc.status.UNAVAILABLE, e.details ?? e.message);
    }
  };
}

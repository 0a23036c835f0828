'use strict';

const grpc = require('@grpc/grpc-js');
const pino = require('pino')();
const config = require('../config');
const { fetchPools } = require('../clients/pricing');

// Odds boards and punters' apps watch the pools of a race until the meeting
// ends; the stream is never closed from this side.
function watchPools(call, claims) {
  const { meetingId, raceNo, poolTypes } = call.request;
  if (!meetingId) {
    call.destroy({ code: grpc.status.INVALID_ARGUMENT, details: 'meeting_id required' });
    return;
  }
  pino.info({ sub: claims.sub, meetingId, raceNo }, 'watch pools');

  let inFlight = false;
  const tick = async () => {
    if (inFlight) return;
    inFlight = true;
    try {
      const pools = await fetchPools(meetingId, raceNo, poolTypes || [], {
        signal: AbortSignal.timeout(3000),
      });
      for (const p of pools) {
        call.write({
          meetingId,
          raceNo,
          poolType: p.type,
          grossCents: p.gross_cents,
          approxDividends: p.approx,
          at: { seconds: Math.floor(Date.now() / 1000) },
        });
      }
    } catch (e) {
      pino.warn({ err: e.message }, 'pricing fetch failed');
    } finally {
      inFlight = false;
    }
  };

  const timer = setInterval(tick, config.poolPollMs);
  tick();
  call.on('cancelled', () => clearInterval(timer));
  call.on('close', () => clearInterval(timer));
}

module.exports = { watchPools };

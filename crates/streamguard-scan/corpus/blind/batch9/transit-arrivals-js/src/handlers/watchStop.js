'use strict';
// Live arrival board for one stop. Signage and the rider app keep this open
// all day; we re-poll predictions and push only the rows that changed.
const grpc = require('@grpc/grpc-js');
const { requireRider, AuthError } = require('../lib/auth');
const predictions = require('../lib/predictions');
const config = require('../lib/config');
const log = require('../lib/log');

function rowKey(a) {
  return `${a.route}/${a.tripId}`;
}

function watchStop(call) {
  let claims;
  try {
    claims = requireRider(call);
  } catch (err) {
    const e = err instanceof AuthError ? err : new AuthError(grpc.status.INTERNAL, 'auth failure');
    call.destroy({ code: e.code, details: e.details });
    return;
  }
  const { stopId } = call.request;
  const horizon = Math.min(call.request.horizonMin || 30, 90);
  const last = new Map();
  log.info({ sub: claims.sub, stopId }, 'watch stop');

  const tick = async () => {
    let rows;
    try {
      rows = await predictions.arrivalsAt(stopId, horizon);
    } catch (err) {
      log.warn({ err, stopId }, 'predictions unavailable; keeping last board');
      return;
    }
    for (const a of rows) {
      const prev = last.get(rowKey(a));
      if (!prev || prev.etaUnix !== a.etaUnix) {
        last.set(rowKey(a), a);
        call.write(a);
      }
    }
  };

  tick();
  const timer = setInterval(tick, config.pollMs);
  call.on('cancelled', () => clearInterval(timer));
  call.on('close', () => clearInterval(timer));
}

module.exports = { watchStop };

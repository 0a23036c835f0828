'use strict';

const grpc = require('@grpc/grpc-js');
const { authenticate, requireStudio, AuthError } = require('../auth/session');
const db = require('../clients/db');
const config = require('../config');
const log = require('../log');

function watchChair(call) {
  let principal;
  try {
    principal = authenticate(call);
    requireStudio(principal, call.request.studioId);
  } catch (err) {
    if (err instanceof AuthError) return call.destroy({ code: err.code, details: err.details });
    throw err;
  }

  const { studioId, chairId } = call.request;
  let lastKey = '';
  let busy = false;

  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const row = await db.chairState(studioId, chairId);
      if (!row) return;
      const key = `${row.booking_id}:${row.state}`;
      if (key === lastKey) return;
      lastKey = key;
      call.write({ chairId, bookingId: row.booking_id, state: row.state, atUnixMs: Math.round(row.at_ms) });
    } catch (err) {
      log.warn({ err, studioId, chairId }, 'chair poll failed');
    } finally {
      busy = false;
    }
  };

  const timer = setInterval(tick, config.chairPollMs);
  tick();
  log.info({ sub: principal.sub, studioId, chairId }, 'chair watch opened');

  call.on('cancelled', () => {
    clearInterval(timer);
    log.info({ studioId, chairId }, 'chair watch cancelled');
  });
}

module.exports = { watchChair };

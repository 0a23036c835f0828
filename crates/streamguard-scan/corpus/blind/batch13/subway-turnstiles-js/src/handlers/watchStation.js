'use strict';

const grpc = require('@grpc/grpc-js');
const Redis = require('ioredis');
const config = require('../config');
const { requireOperator, stationsOf } = require('../auth/operator');
const { stationCounts } = require('../clients/occupancy');

// Dashboard feed for the station control room: gate states come from the
// Redis channel the gate link publishes to, passenger counts from the
// occupancy API every couple of seconds.
function watchStation(call) {
  const claims = requireOperator(call, 'stations:read');
  if (!claims) return;
  const stationId = call.request.stationId;
  if (!stationsOf(claims).includes(stationId)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'station not assigned' });
    return;
  }

  const sub = new Redis(config.redisUrl);
  const ac = new AbortController();
  const state = { gatesOpen: 0, gatesFaulted: 0, passengersInside: 0 };

  const push = () =>
    call.write({ stationId, ...state, unixMs: String(Date.now()) });

  sub.subscribe(`station:${stationId}:gates`);
  sub.on('message', (_ch, raw) => {
    const m = JSON.parse(raw);
    state.gatesOpen = m.open;
    state.gatesFaulted = m.faulted;
    push();
  });

  const timer = setInterval(async () => {
    const deadline = call.getDeadline();
    const left = deadline instanceof Date ? deadline.getTime() - Date.now() : Infinity;
    try {
      const c = await stationCounts(stationId, {
        signal: ac.signal,
        timeoutMs: Number.isFinite(left) ? Math.max(left, 1) : config.statusPollMs,
      });
      state.passengersInside = c.inside;
      push();
    } catch (err) {
      if (!ac.signal.aborted) call.emit('error', err);
    }
  }, config.statusPollMs);

  const stop = () => {
    clearInterval(timer);
    ac.abort();
    sub.disconnect();
  };
  call.on('cancelled', stop);
  call.on('close', stop);
}

module.exports = { watchStation };

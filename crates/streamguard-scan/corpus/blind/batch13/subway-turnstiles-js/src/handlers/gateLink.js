'use strict';

const grpc = require('@grpc/grpc-js');
const log = require('pino')({ name: 'gate-link' });
const config = require('../config');
const { verifyGateToken, gateTokenFrom } = require('../auth/gateToken');
const { authorizeFare } = require('../clients/fare');

// One GateLink per physical turnstile, opened at power-up and kept for the day.
function gateLink(call) {
  let gate;
  try {
    gate = verifyGateToken(gateTokenFrom(call), config.gateSecret);
  } catch (err) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: err.message });
    return;
  }

  let greeted = false;
  let windowStart = Date.now();
  let tapsInWindow = 0;
  const inflight = new Set();

  call.on('cancelled', () => {
    for (const f of inflight) f.cancel();
    inflight.clear();
  });

  call.on('data', (ev) => {
    if (ev.hello) {
      if (ev.hello.gateId !== gate.gateId) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'gate mismatch' });
        return;
      }
      greeted = true;
      log.info({ gate: gate.gateId, fw: ev.hello.firmware }, 'gate online');
      return;
    }
    if (!greeted) {
      call.destroy({ code: grpc.status.FAILED_PRECONDITION, details: 'hello first' });
      return;
    }

    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      tapsInWindow = 0;
    }
    if (++tapsInWindow > config.maxTapsPerSecond) {
      call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'tap flood' });
      return;
    }

    if (ev.tap) {
      const tap = ev.tap;
      const f = authorizeFare({
        cardHash: tap.cardHash,
        stationId: gate.stationId,
        gateId: tap.gateId,
      });
      inflight.add(f);
      f.promise
        .then((res) => {
          call.write({ tapId: tap.tapId, open: res.accepted, display: res.reason || 'GO' });
        })
        .catch((err) => {
          log.warn({ err, tap: tap.tapId }, 'fare engine unavailable, failing closed');
          call.write({ tapId: tap.tapId, open: false, display: 'SEE AGENT' });
        })
        .finally(() => inflight.delete(f));
    } else if (ev.fault) {
      log.error({ gate: ev.fault.gateId, code: ev.fault.code }, 'gate fault');
    }
  });

  call.on('end', () => call.end());
}

module.exports = { gateLink };

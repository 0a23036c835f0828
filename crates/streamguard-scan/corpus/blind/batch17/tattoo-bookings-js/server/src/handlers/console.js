'use strict';

const grpc = require('@grpc/grpc-js');
const { authenticate, requireStudio, hasScope, AuthError } = require('../auth/session');
const payments = require('../clients/payments');
const db = require('../clients/db');
const config = require('../config');
const log = require('../log');

function reply(call, requestId, status, message = '') {
  call.write({ requestId, status, message });
}

function artistConsole(call) {
  let principal;
  try {
    principal = authenticate(call);
  } catch (err) {
    if (err instanceof AuthError) return call.destroy({ code: err.code, details: err.details });
    throw err;
  }

  const inflight = new AbortController();
  let claimed = null; // { studioId, chairId } once the artist claimed a chair
  let opsInWindow = 0;
  let windowStart = Date.now();

  call.on('cancelled', () => inflight.abort());

  call.on('data', async (msg) => {
    const now = Date.now();
    if (now - windowStart > 60_000) {
      windowStart = now;
      opsInWindow = 0;
    }
    if (++opsInWindow > config.consoleOpsPerMinute) {
      return call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'too many console operations' });
    }

    try {
      switch (msg.cmd) {
        case 'claim': {
          requireStudio(principal, msg.claim.studioId);
          if (!hasScope(principal, 'chairs:operate')) {
            return reply(call, msg.requestId, 'PERMISSION_DENIED', 'chairs:operate required');
          }
          claimed = { studioId: msg.claim.studioId, chairId: msg.claim.chairId };
          return reply(call, msg.requestId, 'OK', `chair ${claimed.chairId} claimed`);
        }
        case 'deposit': {
          if (!claimed) return reply(call, msg.requestId, 'FAILED_PRECONDITION', 'claim a chair first');
          const d = msg.deposit;
          const res = await payments.captureDeposit(call, inflight.signal, {
            studioId: d.studioId,
            bookingId: d.bookingId,
            amountCents: d.amountCents,
            cardToken: d.cardToken,
          });
          return reply(call, msg.requestId, 'OK', `deposit ${res.id}`);
        }
        case 'cancel': {
          if (!claimed) return reply(call, msg.requestId, 'FAILED_PRECONDITION', 'claim a chair first');
          await db.recordCancel(msg.cancel.studioId, msg.cancel.bookingId, msg.cancel.reason, principal.sub);
          return reply(call, msg.requestId, 'OK');
        }
        case 'move': {
          if (!claimed) return reply(call, msg.requestId, 'FAILED_PRECONDITION', 'claim a chair first');
          await db.moveBooking(msg.move.studioId, msg.move.bookingId, msg.move.newStartUnix);
          return reply(call, msg.requestId, 'OK');
        }
        default:
          return reply(call, msg.requestId, 'INVALID_ARGUMENT', 'unknown command');
      }
    } catch (err) {
      if (err instanceof AuthError) return reply(call, msg.requestId, 'PERMISSION_DENIED', err.details);
      if (inflight.signal.aborted) return;
      log.error({ err, cmd: msg.cmd }, 'console command failed');
      reply(call, msg.requestId, 'INTERNAL', 'command failed');
    }
  });

  call.on('end', () => call.end());
}

module.exports = { artistConsole };

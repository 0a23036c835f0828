'use strict';
// Conversational trip planning: the app sends queries as the rider edits the
// trip and gets itineraries back. Every query re-checks the caller.
const grpc = require('@grpc/grpc-js');
const { requireRider, AuthError } = require('../lib/auth');
const { isRevoked } = require('../lib/revocations');
const { route } = require('../lib/routerClient');

function checkCaller(call) {
  const claims = requireRider(call); // signature + exp, every time
  if (isRevoked(claims)) throw new AuthError(grpc.status.PERMISSION_DENIED, 'token_revoked');
  return claims;
}

function planTrip(call) {
  try {
    checkCaller(call);
  } catch (err) {
    call.destroy({ code: err.code || grpc.status.INTERNAL, details: err.details || 'auth failure' });
    return;
  }
  call.on('data', async (q) => {
    try {
      checkCaller(call);
    } catch (err) {
      call.destroy({ code: err.code, details: err.details });
      return;
    }
    try {
      const res = await route(
        { fromStop: q.fromStop, toStop: q.toStop, departAfter: q.departAfter },
        { parent: call },
      );
      if (!call.cancelled) call.write({ queryId: q.queryId, legs: res.legs, arriveAt: res.arriveAt });
    } catch (err) {
      if (!call.cancelled) call.write({ queryId: q.queryId, error: err.details || err.message });
    }
  });
  call.on('end', () => call.end());
}

module.exports = { planTrip, checkCaller };

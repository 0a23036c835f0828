'use strict';

const { verifyCall, hasScope, AuthError } = require('./auth');
const log = require('pino')({ name: 'guarded' });

/**
 * Wraps a streaming handler: verifies the bearer token when the call opens and
 * hands the principal to the handler. Works for server-streaming and bidi calls.
 */
function guarded(scope, handler) {
  return function guardedHandler(call) {
    let principal;
    try {
      principal = verifyCall(call);
      if (scope && !hasScope(principal, scope)) {
        throw new AuthError(7, `missing scope ${scope}`);
      }
    } catch (err) {
      log.warn({ err: err.message, peer: call.getPeer() }, 'refused stream');
      call.destroy({ code: err.code || 16, details: err.details || 'unauthenticated' });
      return;
    }
    call.principal = principal;
    return handler(call, principal);
  };
}

module.exports = { guarded };

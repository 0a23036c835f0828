'use strict';

const grpc = require('@grpc/grpc-js');
const { authenticate, AuthError } = require('../auth');
const bhs = require('../clients/bhs');

async function getBag(call, callback) {
  try {
    authenticate(call, { scope: 'ops:read' });
    const h = await bhs.bagHistory(call.request.bagTag, { signal: AbortSignal.timeout(3000) });
    callback(null, { bagTag: h.tag, flight: h.flight, status: h.status, lastSeen: h.lastSeen });
  } catch (err) {
    if (err instanceof AuthError) return callback({ code: err.code, details: err.details });
    callback({ code: grpc.status.UNAVAILABLE, details: err.message });
  }
}

module.exports = { getBag };

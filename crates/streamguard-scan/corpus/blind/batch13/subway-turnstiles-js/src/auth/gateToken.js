'use strict';

// Gate tokens are issued by the depot provisioning tool:
//   base64url(JSON{gate, station, exp}) + "." + base64url(HMAC-SHA256)
const crypto = require('node:crypto');

class GateTokenError extends Error {}

function verifyGateToken(token, secret, nowMs = Date.now()) {
  if (!token || typeof token !== 'string') throw new GateTokenError('missing gate token');
  const [body, sig] = token.split('.');
  if (!body || !sig) throw new GateTokenError('malformed gate token');
  const expected = crypto.createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw new GateTokenError('bad signature');
  }
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) {
    throw new GateTokenError('gate token expired');
  }
  return { gateId: claims.gate, stationId: claims.station, exp: claims.exp };
}

function gateTokenFrom(call) {
  const v = call.metadata.get('x-gate-token')[0];
  return typeof v === 'string' ? v : undefined;
}

module.exports = { verifyGateToken, gateTokenFrom, GateTokenError };

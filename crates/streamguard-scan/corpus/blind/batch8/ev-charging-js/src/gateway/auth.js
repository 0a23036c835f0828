'use strict';

const crypto = require('node:crypto');
const jwt = require('jsonwebtoken');
const grpc = require('@grpc/grpc-js');
const config = require('../lib/config');

class AuthError extends Error {
  constructor(code, details) {
    super(details);
    this.code = code;
    this.details = details;
  }
}

function bearer(metadata) {
  const [value] = metadata.get('authorization');
  if (typeof value !== 'string' || !value.startsWith('Bearer ')) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'missing bearer token');
  }
  return value.slice('Bearer '.length);
}

// Charger tokens are issued at commissioning: "<chargerId>.<expUnix>.<hmac>".
// They are rotated by the site controller every 24 h.
function verifyChargerToken(metadata) {
  const token = bearer(metadata);
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'malformed charger token');
  }
  const [chargerId, expStr, mac] = parts;
  const expected = crypto
    .createHmac('sha256', config.chargerSecret())
    .update(`${chargerId}.${expStr}`)
    .digest('base64url');
  const a = Buffer.from(mac);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'bad charger token signature');
  }
  const exp = Number(expStr);
  if (!Number.isFinite(exp) || exp * 1000 < Date.now()) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'charger token expired');
  }
  return { chargerId, exp };
}

function verifyDriver(metadata) {
  const token = bearer(metadata);
  try {
    const claims = jwt.verify(token, config.driverJwtPublicKey(), {
      algorithms: ['ES256'],
      audience: config.driverAudience,
      clockTolerance: 1,
    });
    return { sub: claims.sub, scopes: String(claims.scope || '').split(' '), exp: claims.exp };
  } catch (err) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, `driver token rejected: ${err.message}`);
  }
}

// authenticate(call, kind) is called at the top of every handler.
function authenticate(call, kind) {
  if (kind === 'charger') return verifyChargerToken(call.metadata);
  return verifyDriver(call.metadata);
}

module.exports = { authenticate, AuthError };

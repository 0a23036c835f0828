'use strict';
// Caller authentication. Riders and dispatchers carry an OIDC access token;
// buses carry an HMAC device token issued by the depot provisioning tool.
const fs = require('node:fs');
const crypto = require('node:crypto');
const jwt = require('jsonwebtoken');
const grpc = require('@grpc/grpc-js');
const config = require('./config');

let publicKey;
function key() {
  if (!publicKey) publicKey = fs.readFileSync(config.jwtPublicKeyFile, 'utf8');
  return publicKey;
}

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
  return value.slice(7);
}

// Verifies the rider/dispatcher token and returns its claims.
function requireRider(call) {
  try {
    return jwt.verify(bearer(call.metadata), key(), {
      algorithms: ['RS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      clockTolerance: 1,
    });
  } catch (err) {
    if (err instanceof AuthError) throw err;
    throw new AuthError(grpc.status.UNAUTHENTICATED, `invalid token: ${err.message}`);
  }
}

// Device tokens: "<vehicleId>.<expiresUnix>.<hex hmac>".
function requireVehicle(call) {
  const [tok] = call.metadata.get('x-device-token');
  if (typeof tok !== 'string') throw new AuthError(grpc.status.UNAUTHENTICATED, 'missing device token');
  const parts = tok.split('.');
  if (parts.length !== 3) throw new AuthError(grpc.status.UNAUTHENTICATED, 'malformed device token');
  const [vehicleId, expires, mac] = parts;
  const want = crypto.createHmac('sha256', config.deviceKeySecret).update(`${vehicleId}.${expires}`).digest('hex');
  const ok = mac.length === want.length && crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(want));
  if (!ok) throw new AuthError(grpc.status.UNAUTHENTICATED, 'bad device token signature');
  if (Number(expires) * 1000 < Date.now()) throw new AuthError(grpc.status.UNAUTHENTICATED, 'device token expired');
  return { vehicleId, expires: Number(expires) };
}

module.exports = { AuthError, requireRider, requireVehicle, bearer };

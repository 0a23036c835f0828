'use strict';
const fs = require('fs');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const grpc = require('@grpc/grpc-js');
const config = require('../config');

let publicKey;
function key() {
  if (!publicKey) publicKey = fs.readFileSync(config.jwtPublicKey, 'utf8');
  return publicKey;
}

class AuthError extends Error {
  constructor(code, details) { super(details); this.code = code; this.details = details; }
}

// Staff (vets, nurses) authenticate with a bearer JWT.
function authenticate(call) {
  const header = call.metadata.get('authorization')[0];
  if (!header || !String(header).startsWith('Bearer ')) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'missing bearer token');
  }
  try {
    return jwt.verify(String(header).slice(7), key(), {
      algorithms: ['RS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
  } catch (err) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, err.message);
  }
}

function requireWard(claims, ward) {
  const wards = String(claims.wards || '').split(' ');
  if (!wards.includes(ward) && !wards.includes('*')) {
    throw new AuthError(grpc.status.PERMISSION_DENIED, `ward ${ward} not allowed`);
  }
}

// Cage gateways present `x-gateway-token: <gatewayId>.<expUnix>.<hmac>`.
function verifyGatewayToken(call) {
  const raw = String(call.metadata.get('x-gateway-token')[0] || '');
  const [gatewayId, exp, mac] = raw.split('.');
  if (!gatewayId || !exp || !mac) throw new AuthError(grpc.status.UNAUTHENTICATED, 'bad gateway token');
  const expected = crypto.createHmac('sha256', config.gatewaySecret).update(`${gatewayId}.${exp}`).digest('hex');
  if (mac.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'bad gateway signature');
  }
  if (Number(exp) * 1000 < Date.now()) throw new AuthError(grpc.status.UNAUTHENTICATED, 'gateway token expired');
  return { gatewayId, exp: Number(exp) };
}

module.exports = { authenticate, requireWard, verifyGatewayToken, AuthError };

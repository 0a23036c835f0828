'use strict';

const fs = require('node:fs');
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

// Verifies the caller's token and returns the staff claims. Called by each handler
// when the call starts.
function authenticate(call) {
  let claims;
  try {
    claims = jwt.verify(bearer(call.metadata), key(), {
      algorithms: ['RS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      clockTolerance: 1,
    });
  } catch (err) {
    if (err instanceof AuthError) throw err;
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'invalid token');
  }
  return {
    sub: claims.sub,
    hospitals: Array.isArray(claims.hospitals) ? claims.hospitals : [],
    depots: Array.isArray(claims.depots) ? claims.depots : [],
    roles: String(claims.scope || '').split(' ').filter(Boolean),
  };
}

function requireRole(staff, role) {
  if (!staff.roles.includes(role)) {
    throw new AuthError(grpc.status.PERMISSION_DENIED, `missing role ${role}`);
  }
}

function fail(call, err) {
  const code = err.code || grpc.status.INTERNAL;
  if (typeof call.destroy === 'function') {
    call.destroy({ code, details: err.details || err.message });
  } else {
    call.emit('error', { code, details: err.details || err.message });
  }
}

module.exports = { authenticate, requireRole, fail, AuthError };

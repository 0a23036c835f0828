'use strict';

const fs = require('fs');
const jwt = require('jsonwebtoken');
const grpc = require('@grpc/grpc-js');
const config = require('./config');

let publicKey;
function key() {
  if (!publicKey) publicKey = fs.readFileSync(config.jwtPublicKey, 'utf8');
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
  return value.slice('Bearer '.length);
}

// Verifies the caller's JWT and returns its claims. Throws AuthError.
function authenticate(call, { scope } = {}) {
  let claims;
  try {
    claims = jwt.verify(bearer(call.metadata), key(), {
      algorithms: ['RS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
  } catch (err) {
    if (err instanceof AuthError) throw err;
    throw new AuthError(grpc.status.UNAUTHENTICATED, `invalid token: ${err.message}`);
  }
  const scopes = String(claims.scope || '').split(' ');
  if (scope && !scopes.includes(scope)) {
    throw new AuthError(grpc.status.PERMISSION_DENIED, `missing scope ${scope}`);
  }
  return { sub: claims.sub, scopes, exp: claims.exp, belts: claims.belts || [] };
}

module.exports = { authenticate, AuthError, bearer };

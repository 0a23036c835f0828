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

function bearerOf(metadata) {
  const values = metadata.get('authorization');
  if (!values.length) return null;
  const m = /^Bearer\s+(.+)$/i.exec(String(values[0]));
  return m ? m[1] : null;
}

/** Verifies the caller's JWT and returns its claims. Throws AuthError. */
function verifyCall(call) {
  const token = bearerOf(call.metadata);
  if (!token) throw new AuthError(grpc.status.UNAUTHENTICATED, 'missing bearer token');
  try {
    const claims = jwt.verify(token, key(), {
      algorithms: ['RS256'],
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: 1,
    });
    const scopes = new Set(String(claims.scope || '').split(' ').filter(Boolean));
    return { sub: claims.sub, jti: claims.jti, exp: claims.exp, scopes, houses: claims.houses || [] };
  } catch (err) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, `invalid token: ${err.message}`);
  }
}

function hasScope(principal, scope) {
  return principal.scopes.has(scope);
}

module.exports = { verifyCall, hasScope, bearerOf, AuthError };

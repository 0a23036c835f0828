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

// Verifies the bearer token in the call metadata and returns the claims.
// Called by each handler when the stream opens.
function authenticate(call) {
  const header = call.metadata.get('authorization')[0];
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'missing bearer token');
  }
  try {
    const claims = jwt.verify(header.slice(7), key(), {
      algorithms: ['RS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      clockTolerance: 1,
    });
    return {
      sub: claims.sub,
      exp: claims.exp,
      vaults: Array.isArray(claims.vaults) ? claims.vaults : [],
      scopes: String(claims.scope || '').split(' ').filter(Boolean),
    };
  } catch (e) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, `invalid token: ${e.message}`);
  }
}

function hasScope(claims, scope) {
  return claims.scopes.includes(scope);
}

module.exports = { authenticate, hasScope, AuthError };

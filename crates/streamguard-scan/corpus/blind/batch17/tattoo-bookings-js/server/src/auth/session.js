'use strict';

const fs = require('node:fs');
const jwt = require('jsonwebtoken');
const grpc = require('@grpc/grpc-js');
const config = require('../config');

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

// Verifies the bearer token of a call. Used by each handler when the call opens.
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
      studios: Array.isArray(claims.studios) ? claims.studios : [],
      scopes: String(claims.scope || '').split(' ').filter(Boolean),
      exp: claims.exp,
    };
  } catch (err) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, `invalid token: ${err.message}`);
  }
}

function requireStudio(principal, studioId) {
  if (!principal.studios.includes(studioId)) {
    throw new AuthError(grpc.status.PERMISSION_DENIED, `no access to studio ${studioId}`);
  }
}

function hasScope(principal, scope) {
  return principal.scopes.includes(scope);
}

module.exports = { authenticate, requireStudio, hasScope, AuthError };

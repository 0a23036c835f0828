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
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Verifies the bearer token in the call metadata and returns its claims. */
function verifyBearer(metadata) {
  const header = metadata.get('authorization')[0];
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'missing bearer token');
  }
  try {
    return jwt.verify(header.slice(7), key(), {
      algorithms: ['RS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      clockTolerance: 1,
    });
  } catch (err) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, `invalid token: ${err.message}`);
  }
}

function hasRole(claims, role) {
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  return roles.includes(role);
}

/**
 * Wraps a handler so that it only runs for a caller with a valid token (and the role, if given).
 * The claims are handed to the handler as its last argument.
 */
function withAuth(handler, role) {
  return function authenticated(call, callback) {
    let claims;
    try {
      claims = verifyBearer(call.metadata);
      if (role && !hasRole(claims, role)) {
        throw new AuthError(grpc.status.PERMISSION_DENIED, `role ${role} required`);
      }
    } catch (err) {
      const status = { code: err.code || grpc.status.UNAUTHENTICATED, details: err.message };
      if (typeof callback === 'function') return callback(status);
      return call.destroy(status);
    }
    return handler(call, typeof callback === 'function' ? callback : claims, claims);
  };
}

module.exports = { verifyBearer, withAuth, hasRole, AuthError };

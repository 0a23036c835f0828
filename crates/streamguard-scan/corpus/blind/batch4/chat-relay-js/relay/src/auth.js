'use strict';

const jwt = require('jsonwebtoken');
const grpc = require('@grpc/grpc-js');
const config = require('./config');

class AuthError extends Error {
  constructor(msg) {
    super(msg);
    this.code = grpc.status.UNAUTHENTICATED;
  }
}

// Reads "authorization: Bearer <jwt>" and returns the verified claims.
function verifyBearer(metadata) {
  const values = metadata.get('authorization');
  if (values.length !== 1) throw new AuthError('missing authorization metadata');
  const raw = String(values[0]);
  if (!raw.startsWith('Bearer ')) throw new AuthError('authorization must be a Bearer token');
  try {
    return jwt.verify(raw.slice(7), config.jwtSecret, {
      algorithms: ['HS256'],
      issuer: config.jwtIssuer,
      clockTolerance: 1,
    });
  } catch (err) {
    throw new AuthError(`invalid token: ${err.message}`);
  }
}

module.exports = { verifyBearer, AuthError };

'use strict';

const grpc = require('@grpc/grpc-js');
const jwt = require('jsonwebtoken');
const config = require('../config');

function bearer(metadata) {
  const [value] = metadata.get('authorization');
  if (typeof value !== 'string' || !value.startsWith('Bearer ')) return null;
  return value.slice(7);
}

function verifyPunter(metadata) {
  const token = bearer(metadata);
  if (!token) {
    const err = new Error('missing bearer token');
    err.code = grpc.status.UNAUTHENTICATED;
    throw err;
  }
  try {
    return jwt.verify(token, config.jwtPublicKey, {
      algorithms: ['ES256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      clockTolerance: 1,
    });
  } catch (e) {
    const err = new Error(`invalid token: ${e.message}`);
    err.code = grpc.status.UNAUTHENTICATED;
    throw err;
  }
}

// Wraps a streaming handler: verifies the punter's token when the call opens
// and hands the claims to the handler as a second argument.
function withPunter(handler) {
  return function guarded(call) {
    let claims;
    try {
      claims = verifyPunter(call.metadata);
    } catch (err) {
      call.destroy({ code: err.code, details: err.message });
      return;
    }
    return handler(call, claims);
  };
}

function withPunterUnary(handler) {
  return function guarded(call, callback) {
    let claims;
    try {
      claims = verifyPunter(call.metadata);
    } catch (err) {
      callback({ code: err.code, details: err.message });
      return;
    }
    return handler(call, callback, claims);
  };
}

module.exports = { bearer, verifyPunter, withPunter, withPunterUnary };

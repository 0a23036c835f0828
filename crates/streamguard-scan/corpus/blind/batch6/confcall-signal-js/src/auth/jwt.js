'use strict';

const { createRemoteJWKSet, jwtVerify } = require('jose');
const grpc = require('@grpc/grpc-js');
const config = require('../config');

const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000 });

class AuthError extends Error {
  constructor(message) {
    super(message);
    this.code = grpc.status.UNAUTHENTICATED;
  }
}

function bearerFrom(metadata) {
  const [value] = metadata.get('authorization');
  if (typeof value !== 'string' || !value.startsWith('Bearer ')) {
    throw new AuthError('missing bearer token');
  }
  return value.slice('Bearer '.length);
}

// verifyCall returns the claims of the caller's access token.
async function verifyCall(call) {
  const token = bearerFrom(call.metadata);
  try {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ['RS256', 'ES256'],
      clockTolerance: 1,
    });
    return {
      sub: payload.sub,
      org: payload.org,
      rooms: Array.isArray(payload.rooms) ? payload.rooms : [],
      host: payload.role === 'host',
      exp: payload.exp,
    };
  } catch (err) {
    throw new AuthError(`invalid token: ${err.code || err.message}`);
  }
}

function canJoin(claims, roomId) {
  return claims.rooms.includes(roomId) || claims.rooms.includes(`org:${claims.org}`);
}

module.exports = { verifyCall, canJoin, AuthError, bearerFrom };

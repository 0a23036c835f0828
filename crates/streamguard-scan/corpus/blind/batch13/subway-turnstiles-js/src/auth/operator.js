'use strict';

const jwt = require('jsonwebtoken');
const grpc = require('@grpc/grpc-js');
const config = require('../config');

// requireOperator verifies the station staff's SSO token on the call's metadata.
// Returns the claims, or ends the call and returns null.
function requireOperator(call, scope) {
  const header = call.metadata.get('authorization')[0];
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token' });
    return null;
  }
  let claims;
  try {
    claims = jwt.verify(header.slice(7), config.jwtPublicKey, {
      algorithms: ['RS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      clockTolerance: 1,
    });
  } catch (err) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: err.message });
    return null;
  }
  const scopes = String(claims.scope || '').split(' ');
  if (scope && !scopes.includes(scope)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'insufficient_scope' });
    return null;
  }
  return claims;
}

function stationsOf(claims) {
  return Array.isArray(claims.stations) ? claims.stations : [];
}

module.exports = { requireOperator, stationsOf };

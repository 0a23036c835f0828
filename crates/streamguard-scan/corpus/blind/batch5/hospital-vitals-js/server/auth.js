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

// Verifies the bearer token on the call metadata; returns the claims or null after
// ending the call with UNAUTHENTICATED.
function authenticate(call, callback) {
  const header = call.metadata.get('authorization')[0];
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
    fail(call, callback, 'missing bearer token');
    return null;
  }
  try {
    return jwt.verify(header.slice(7), key(), { algorithms: ['RS256'], issuer: config.jwtIssuer });
  } catch (err) {
    fail(call, callback, `invalid token: ${err.message}`);
    return null;
  }
}

function fail(call, callback, details) {
  const status = { code: grpc.status.UNAUTHENTICATED, details };
  if (callback) callback(status);
  else call.destroy(status);
}

function canSeePatient(claims, patientId) {
  const wards = (claims.wards || []);
  return wards.includes('*') || wards.includes(patientId.split('-')[0]);
}

module.exports = { authenticate, canSeePatient };

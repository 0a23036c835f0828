'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const crypto = require('node:crypto');
const jwt = require('jsonwebtoken');
const grpc = require('@grpc/grpc-js');

const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyFile = `/tmp/bb-test-${process.pid}.pem`;
fs.writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }));
process.env.BB_JWT_KEY = keyFile;

const { authenticate, requireRole } = require('../src/auth');

function fakeCall(token) {
  const md = new grpc.Metadata();
  if (token) md.set('authorization', `Bearer ${token}`);
  return { metadata: md };
}

function sign(claims, opts = {}) {
  return jwt.sign(claims, privateKey, {
    algorithm: 'RS256', issuer: 'https://sso.regional-blood.example', audience: 'bloodbank-inventory', expiresIn: 60, ...opts,
  });
}

test('valid token yields staff claims', () => {
  const staff = authenticate(fakeCall(sign({ sub: 'tech-9', hospitals: ['h1'], scope: 'crossmatch stock:read' })));
  assert.equal(staff.sub, 'tech-9');
  assert.deepEqual(staff.hospitals, ['h1']);
  requireRole(staff, 'crossmatch');
});

test('missing token is unauthenticated', () => {
  assert.throws(() => authenticate(fakeCall(null)), (e) => e.code === grpc.status.UNAUTHENTICATED);
});

test('wrong audience is rejected', () => {
  assert.throws(() => authenticate(fakeCall(sign({ sub: 'x' }, { audience: 'other' }))), (e) => e.code === grpc.status.UNAUTHENTICATED);
});

test('role check', () => {
  assert.throws(() => requireRole({ roles: ['stock:read'] }, 'crossmatch'), (e) => e.code === grpc.status.PERMISSION_DENIED);
});

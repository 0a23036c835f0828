'use strict';

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const jwt = require('jsonwebtoken');
const grpc = require('@grpc/grpc-js');

const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyFile = path.join(os.tmpdir(), `vault-test-${process.pid}.pem`);
fs.writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }));
process.env.VAULT_JWT_PUBKEY_FILE = keyFile;

const { authenticate } = require('../src/auth');

function fakeCall(token) {
  const md = new grpc.Metadata();
  if (token) md.set('authorization', `Bearer ${token}`);
  return { metadata: md };
}

function sign(claims, opts = {}) {
  return jwt.sign(claims, privateKey, {
    algorithm: 'RS256',
    issuer: 'https://id.seedbank.example',
    audience: 'vault-server',
    expiresIn: '5m',
    ...opts,
  });
}

test('accepts a valid token and maps vaults', () => {
  const c = authenticate(fakeCall(sign({ sub: 'curator-7', vaults: ['V-02'], scope: 'vault:access' })));
  assert.deepStrictEqual(c.vaults, ['V-02']);
  assert.ok(c.scopes.includes('vault:access'));
});

test('rejects a missing token', () => {
  assert.throws(() => authenticate(fakeCall(null)), (e) => e.code === grpc.status.UNAUTHENTICATED);
});

test('rejects an expired token', () => {
  const t = sign({ sub: 'x' }, { expiresIn: -10 });
  assert.throws(() => authenticate(fakeCall(t)), /invalid token/);
});

test('rejects the wrong audience', () => {
  const t = sign({ sub: 'x' }, { audience: 'other' });
  assert.throws(() => authenticate(fakeCall(t)), /invalid token/);
});

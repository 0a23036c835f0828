'use strict';

const test = require('node:test');
const assert = require('node:assert');
const grpc = require('@grpc/grpc-js');

process.env.TOTE_JWT_PUBKEY = require('node:path').join(__dirname, 'fixtures/jwt.pub');
const { bearer, withPunter } = require('../src/auth/punter');

test('bearer() ignores non-bearer schemes', () => {
  const md = new grpc.Metadata();
  md.set('authorization', 'Basic abc');
  assert.strictEqual(bearer(md), null);
});

test('withPunter refuses a call without a token', () => {
  let destroyed = null;
  const call = { metadata: new grpc.Metadata(), destroy: (s) => { destroyed = s; } };
  let ran = false;
  withPunter(() => { ran = true; })(call);
  assert.strictEqual(ran, false);
  assert.strictEqual(destroyed.code, grpc.status.UNAUTHENTICATED);
});

test('withPunter refuses a garbage token', () => {
  let destroyed = null;
  const md = new grpc.Metadata();
  md.set('authorization', 'Bearer not.a.jwt');
  withPunter(() => {})({ metadata: md, destroy: (s) => { destroyed = s; } });
  assert.strictEqual(destroyed.code, grpc.status.UNAUTHENTICATED);
});

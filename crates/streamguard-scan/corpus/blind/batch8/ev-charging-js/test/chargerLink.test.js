'use strict';

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const grpc = require('@grpc/grpc-js');

process.env.CHARGER_TOKEN_SECRET = 'test-secret';
const { startFakeBilling } = require('./fakeBilling');

function chargerToken(id, expUnix) {
  const mac = crypto.createHmac('sha256', 'test-secret').update(`${id}.${expUnix}`).digest('base64url');
  return `${id}.${expUnix}.${mac}`;
}

test('charger link refuses a token signed with another secret', async () => {
  const billing = await startFakeBilling();
  process.env.BILLING_ADDR = `127.0.0.1:${billing.port}`;
  const { authenticate } = require('../src/gateway/auth');
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer CP-1.${Math.floor(Date.now() / 1000) + 60}.AAAA`);
  assert.throws(() => authenticate({ metadata: md }, 'charger'), /signature/);
  billing.stop();
});

test('charger link accepts a fresh token', () => {
  const { authenticate } = require('../src/gateway/auth');
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${chargerToken('CP-7', Math.floor(Date.now() / 1000) + 60)}`);
  assert.strictEqual(authenticate({ metadata: md }, 'charger').chargerId, 'CP-7');
});

'use strict';
const test = require('node:test');
const assert = require('node:assert');
const crypto = require('crypto');
process.env.GATEWAY_HMAC_SECRET = 'test-secret';
const grpc = require('@grpc/grpc-js');
const { verifyGatewayToken, requireWard } = require('../src/lib/auth');

function callWith(token) {
  const md = new grpc.Metadata();
  if (token) md.set('x-gateway-token', token);
  return { metadata: md };
}

test('gateway token round trip', () => {
  const exp = Math.floor(Date.now() / 1000) + 60;
  const mac = crypto.createHmac('sha256', 'test-secret').update(`gw-7.${exp}`).digest('hex');
  assert.deepStrictEqual(verifyGatewayToken(callWith(`gw-7.${exp}.${mac}`)), { gatewayId: 'gw-7', exp });
});

test('expired gateway token refused', () => {
  const exp = Math.floor(Date.now() / 1000) - 1;
  const mac = crypto.createHmac('sha256', 'test-secret').update(`gw-7.${exp}`).digest('hex');
  assert.throws(() => verifyGatewayToken(callWith(`gw-7.${exp}.${mac}`)));
});

test('ward scope', () => {
  assert.doesNotThrow(() => requireWard({ wards: 'icu surgery' }, 'icu'));
  assert.throws(() => requireWard({ wards: 'surgery' }, 'icu'));
});

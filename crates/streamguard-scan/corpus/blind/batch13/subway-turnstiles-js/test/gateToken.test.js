'use strict';

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { verifyGateToken, GateTokenError } = require('../src/auth/gateToken');

const SECRET = 'test-secret';

function mint(claims, secret = SECRET) {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const sig = crypto.createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${sig}`;
}

test('accepts a valid gate token', () => {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const g = verifyGateToken(mint({ gate: 'G-12', station: 'CENTRAL', exp }), SECRET);
  assert.deepStrictEqual(g, { gateId: 'G-12', stationId: 'CENTRAL', exp });
});

test('rejects a forged signature', () => {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  assert.throws(() => verifyGateToken(mint({ gate: 'G-1', exp }, 'other'), SECRET), GateTokenError);
});

test('rejects an expired token', () => {
  const exp = Math.floor(Date.now() / 1000) - 5;
  assert.throws(() => verifyGateToken(mint({ gate: 'G-1', exp }), SECRET), /expired/);
});

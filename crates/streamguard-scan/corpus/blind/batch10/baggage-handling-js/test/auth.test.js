'use strict';

const test = require('node:test');
const assert = require('node:assert');
const grpc = require('@grpc/grpc-js');
const { bearer, AuthError } = require('../sortation-server/auth');

function md(value) {
  const m = new grpc.Metadata();
  if (value !== undefined) m.set('authorization', value);
  return m;
}

test('bearer extracts the token', () => {
  assert.strictEqual(bearer(md('Bearer abc.def.ghi')), 'abc.def.ghi');
});

test('bearer rejects a missing header', () => {
  assert.throws(() => bearer(md()), (err) => err instanceof AuthError && err.code === grpc.status.UNAUTHENTICATED);
});

test('bearer rejects a basic header', () => {
  assert.throws(() => bearer(md('Basic Zm9vOmJhcg==')), AuthError);
});

// A fake carousel server used by the display-board integration tests.
function fakeCarousel(call) {
  const t = setInterval(() => call.write({ bagTag: '0125123456', flight: 'LH401', status: 'ON_BELT' }), 50);
  call.on('cancelled', () => clearInterval(t));
}

module.exports = { fakeCarousel };

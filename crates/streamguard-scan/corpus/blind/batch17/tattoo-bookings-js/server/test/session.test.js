'use strict';

const test = require('node:test');
const assert = require('node:assert');
const grpc = require('@grpc/grpc-js');
const { authenticate, requireStudio, AuthError } = require('../src/auth/session');

function fakeCall(header) {
  const md = new grpc.Metadata();
  if (header) md.set('authorization', header);
  return { metadata: md };
}

test('missing bearer is UNAUTHENTICATED', () => {
  assert.throws(() => authenticate(fakeCall()), (e) => e instanceof AuthError && e.code === grpc.status.UNAUTHENTICATED);
});

test('garbage token is UNAUTHENTICATED', () => {
  assert.throws(() => authenticate(fakeCall('Bearer abc.def.ghi')), (e) => e.code === grpc.status.UNAUTHENTICATED);
});

test('studio outside the token is PERMISSION_DENIED', () => {
  assert.throws(() => requireStudio({ studios: ['s-1'] }, 's-2'), (e) => e.code === grpc.status.PERMISSION_DENIED);
});

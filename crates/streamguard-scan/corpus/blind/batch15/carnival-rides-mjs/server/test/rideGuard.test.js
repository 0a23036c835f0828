import test from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { RideGuard } from '../src/lib/rideGuard.js';

function fakeCall() {
  const call = new EventEmitter();
  call.destroyed = null;
  call.destroy = (s) => { call.destroyed = s; };
  call.getDeadline = () => Infinity;
  return call;
}

function deps() {
  const revocations = new EventEmitter();
  revocations.isRevoked = () => false;
  return {
    cfg: { maxLifetimeMs: 60_000, idleMs: 60_000 },
    revocations,
    limiter: { closeStream: async () => {} },
  };
}

test('ends the stream when the token expires', async () => {
  const call = fakeCall();
  const claims = { sub: 'op-1', jti: 'j1', exp: Date.now() / 1000 + 0.05, rides: new Set(), scopes: new Set() };
  const g = new RideGuard(call, claims, deps());
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(call.destroyed.details, 'token_expired');
  assert.ok(g.signal.aborted);
});

test('ends the stream on a pushed revocation', () => {
  const call = fakeCall();
  const d = deps();
  const claims = { sub: 'op-2', jti: 'j2', exp: Date.now() / 1000 + 600, rides: new Set(), scopes: new Set() };
  new RideGuard(call, claims, d);
  d.revocations.emit('sub:op-2');
  assert.equal(call.destroyed.details, 'token_revoked');
});

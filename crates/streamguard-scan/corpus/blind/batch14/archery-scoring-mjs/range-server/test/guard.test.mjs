import test from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import grpc from '@grpc/grpc-js';
import { RangeGuard } from '../src/guard.mjs';

class FakeFeed extends EventEmitter {
  isRevoked() {
    return false;
  }
}

function fakeCall() {
  const call = new EventEmitter();
  call.destroyed = null;
  call.destroy = (s) => { call.destroyed = s; };
  return call;
}

test('guard ends the call at exp', async () => {
  const call = fakeCall();
  const g = new RangeGuard(call, { sub: 'j1', jti: 'a', exp: Date.now() / 1000 + 0.05 }, new FakeFeed());
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(call.destroyed.code, grpc.status.UNAUTHENTICATED);
  assert.equal(call.destroyed.details, 'token_expired');
  assert.ok(g.ended);
});

test('guard ends the call on a pushed revocation', () => {
  const call = fakeCall();
  const feed = new FakeFeed();
  new RangeGuard(call, { sub: 'j1', jti: 'a', exp: Date.now() / 1000 + 60 }, feed);
  feed.emit('revoked', { sub: 'j1' });
  assert.equal(call.destroyed.code, grpc.status.PERMISSION_DENIED);
});

// A fake scoring feed used by the lane-display tests: pushes forever.
export function endlessBoard(call) {
  const t = setInterval(() => call.write({ rank: 1, archerId: 'x', total: 600 }), 10);
  call.on('cancelled', () => clearInterval(t));
}

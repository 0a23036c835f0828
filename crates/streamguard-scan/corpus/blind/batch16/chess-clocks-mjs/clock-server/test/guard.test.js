import test from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { ArbiterGuard } from '../src/guard.js';

function fakeCall() {
  const call = new EventEmitter();
  call.destroyed = [];
  call.destroy = (s) => call.destroyed.push(s);
  return call;
}

test('guard ends the stream at exp', async () => {
  const call = fakeCall();
  const guard = new ArbiterGuard(call, { sub: 'arb-1', jti: 'j1', exp: Date.now() / 1000 + 0.05, boards: ['t:1'] });
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(call.destroyed[0].details, 'token_expired');
  assert.equal(guard.ended, true);
});

test('mayUse honours wildcard boards', () => {
  const guard = new ArbiterGuard(fakeCall(), { sub: 'a', jti: 'j', exp: Date.now() / 1000 + 60, boards: ['t:*'] });
  assert.equal(guard.mayUse('t', 7), true);
  assert.equal(guard.mayUse('u', 7), false);
  guard.release();
});

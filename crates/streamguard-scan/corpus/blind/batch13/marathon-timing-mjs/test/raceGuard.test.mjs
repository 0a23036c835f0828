import test from 'node:test';
import assert from 'node:assert';
import { EventEmitter } from 'node:events';
import { RaceGuard } from '../src/auth/raceGuard.mjs';

function fakeCall() {
  const call = new EventEmitter();
  call.destroyed = null;
  call.getDeadline = () => Infinity;
  call.destroy = (s) => { call.destroyed = s; };
  return call;
}

test('ends the call at token expiry', async () => {
  const call = fakeCall();
  const exp = Math.floor(Date.now() / 1000) + 1;
  const g = new RaceGuard(call, { sub: 'u1', jti: 'j1', exp });
  await new Promise((r) => setTimeout(r, 1100));
  assert.strictEqual(call.destroyed?.details, 'token_expired');
  assert.ok(g.closed);
});

test('release clears timers on cancel', () => {
  const call = fakeCall();
  const g = new RaceGuard(call, { sub: 'u1', jti: 'j2', exp: Math.floor(Date.now() / 1000) + 60 });
  call.emit('cancelled');
  assert.ok(g.closed);
  assert.ok(g.signal.aborted);
  assert.strictEqual(call.destroyed, null);
});

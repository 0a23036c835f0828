import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { DropGuard } from '../src/guard/dropGuard.mjs';

function fakeCall(deadline = Infinity) {
  const call = new EventEmitter();
  call.destroyed = null;
  call.destroy = (e) => (call.destroyed = e);
  call.getDeadline = () => deadline;
  return call;
}

test('guard ends the call at exp', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const call = fakeCall();
  const g = new DropGuard(call, { sub: 'fan-1', jti: 'j-1', exp: Math.floor(Date.now() / 1000) + 1, scope: 'drops:buy' });
  mock.timers.tick(1100);
  assert.equal(call.destroyed.details, 'token_expired');
  assert.ok(g.signal.aborted);
  mock.timers.reset();
});

test('scopes', () => {
  const g = new DropGuard(fakeCall(), { sub: 'fan-1', jti: 'j-2', exp: 9e9, scope: 'drops:watch drops:buy' });
  assert.ok(g.can('drops:buy'));
  assert.ok(!g.can('drops:export'));
  g.release();
});

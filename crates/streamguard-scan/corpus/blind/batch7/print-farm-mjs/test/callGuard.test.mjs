import test from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { CallGuard } from '../src/guard/callGuard.mjs';
import { revocations } from '../src/guard/revocations.mjs';

class FakeCall extends EventEmitter {
  destroy(s) { this.status = s; }
  getDeadline() { return Infinity; }
}

const claims = (s) => ({ sub: 'op-1', jti: 'j-9', exp: Math.floor(Date.now() / 1000) + s });

test('guard ends the call when its jti is revoked', () => {
  const call = new FakeCall();
  new CallGuard(call, claims(600)).start();
  revocations.emit('revoked', { jti: 'j-9' });
  assert.equal(call.status.details, 'token_revoked');
});

test('remainingMs falls back when the caller set no deadline', () => {
  const g = new CallGuard(new FakeCall(), claims(600));
  assert.equal(g.remainingMs(1234), 1234);
});

test('guard ends the call at expiry', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const call = new FakeCall();
  new CallGuard(call, claims(1)).start();
  t.mock.timers.tick(1500);
  assert.equal(call.status.details, 'token_expired');
});

import test from 'node:test';
import assert from 'node:assert';
import { EventEmitter } from 'node:events';
import { TankGuard } from '../src/shared/tankGuard.mjs';

test('guard ends the call at token expiry', async () => {
  const call = new EventEmitter();
  let ended;
  call.destroy = (s) => { ended = s; };
  const guard = new TankGuard(call, { sub: 'u1', jti: 'j1', exp: Math.floor(Date.now() / 1000), scope: '' });
  await new Promise((r) => setTimeout(r, 700));
  assert.strictEqual(ended.details, 'token_expired');
  guard.dispose();
});

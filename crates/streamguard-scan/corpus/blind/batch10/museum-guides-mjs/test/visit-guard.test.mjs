import test from 'node:test';
import assert from 'node:assert';
import { EventEmitter } from 'node:events';
import { VisitGuard } from '../guide-server/visit-guard.mjs';
import { revocations } from '../guide-server/revocations.mjs';

function fakeCall() {
  const call = new EventEmitter();
  call.destroyed = null;
  call.destroy = (status) => { call.destroyed = status; };
  call.getDeadline = () => Infinity;
  return call;
}

const ticket = { sub: 'v-1', jti: 'j-1', exp: Math.floor(Date.now() / 1000) + 3600, galleries: new Set(['g2']), tier: 'general' };

test('revocation by jti ends the call', () => {
  const call = fakeCall();
  const guard = new VisitGuard(call, ticket);
  revocations.emit('revoked', { jti: 'j-1' });
  assert.equal(call.destroyed.details, 'token_revoked');
  assert.ok(guard.closed);
});

test('expired ticket ends the call at once', async () => {
  const call = fakeCall();
  new VisitGuard(call, { ...ticket, exp: Math.floor(Date.now() / 1000) - 1 });
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(call.destroyed.details, 'token_expired');
});

test('cancel releases timers and listeners', () => {
  const call = fakeCall();
  const guard = new VisitGuard(call, ticket);
  call.emit('cancelled');
  assert.ok(guard.controller.signal.aborted);
  assert.equal(revocations.listenerCount('revoked'), 0);
});

// Endless fake occupancy server used by the handset UI tests.
export function fakeWatchGallery(call) {
  const t = setInterval(() => call.write({ galleryId: 'g2', visitors: 12, capacity: 40 }), 100);
  call.on('cancelled', () => clearInterval(t));
}

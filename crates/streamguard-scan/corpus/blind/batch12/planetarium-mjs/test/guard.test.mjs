import test from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { ShowGuard } from '../src/lib/guard.mjs';

function fakeCall() {
  const call = new EventEmitter();
  call.destroyed = null;
  call.destroy = (s) => { call.destroyed = s; };
  return call;
}

test('guard ends the call at exp', async () => {
  const call = fakeCall();
  const g = new ShowGuard(call, { sub: 'op-1', jti: 'j1', exp: Date.now() / 1000 + 0.05, domes: ['north'], scope: 'cue:run' });
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(call.destroyed.details, 'token_expired');
  assert.ok(g.signal.aborted);
});

test('dome and scope checks', () => {
  const call = fakeCall();
  const g = new ShowGuard(call, { sub: 'op-1', jti: 'j2', exp: Date.now() / 1000 + 60, domes: ['north'], scope: 'cue:run' });
  assert.ok(g.canDome('north'));
  assert.ok(!g.canDome('south'));
  assert.ok(g.has('cue:run'));
  assert.ok(!g.has('house:lights'));
  call.emit('cancelled');
});

// A fake projector bridge that streams cues forever, for manual runs of watch.mjs.
export function endlessBridge(call) {
  let n = 0;
  setInterval(() => call.write({ domeId: 'north', showId: 'aurora', cue: n++, label: 'star field', atMs: Date.now() }), 500);
}

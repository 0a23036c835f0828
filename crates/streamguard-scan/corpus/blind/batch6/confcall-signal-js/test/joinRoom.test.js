'use strict';

const test = require('node:test');
const assert = require('node:assert');
const registry = require('../src/rooms/registry');

test('roster version increases on join and leave', () => {
  const room = registry.room('test-room');
  const seen = [];
  room.on('roster', (r) => seen.push(r.version));
  room.add({ id: 'a', displayName: 'A', muted: false, host: true }, () => {});
  room.remove('a');
  assert.deepStrictEqual(seen, [1, 2]);
});

test('kick sends an error event to the participant', () => {
  const room = registry.room('kick-room');
  const events = [];
  room.add({ id: 'b', displayName: 'B', muted: false, host: false }, (e) => events.push(e));
  assert.ok(room.kick('b'));
  assert.strictEqual(events[0].error.code, 7);
});

test('fake roster feed for UI tests', async () => {
  // endless fake feed used by the web client's storybook
  function WatchRoster(call) {
    const t = setInterval(() => call.write({ roomId: 'demo', version: Date.now() }), 100);
    call.on('cancelled', () => clearInterval(t));
  }
  const writes = [];
  const call = { request: {}, write: (x) => writes.push(x), on: (_e, f) => setTimeout(f, 250) };
  WatchRoster(call);
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(writes.length >= 1);
});

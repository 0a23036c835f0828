import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { hub } from '../src/hub.js';

test('remote ops are not echoed to their author', () => {
  const seen = [];
  const alice = { sub: 'u-alice', name: 'Alice' };
  const bob = { sub: 'u-bob', name: 'Bob' };
  const a = hub.join('doc-1', alice, (ev) => seen.push(['alice', ev.author]));
  const b = hub.join('doc-1', bob, (ev) => seen.push(['bob', ev.author]));
  hub.doc('doc-1').apply({ docId: 'doc-1', baseVersion: 0, components: [{ insert: 'hi' }] }, 'u-alice');
  assert.deepEqual(seen, [['bob', 'u-alice']]);
  a.leave();
  b.leave();
});

test('presence events fan out', () => {
  const fn = mock.fn();
  hub.presence.on('presence:doc-2', fn);
  hub.join('doc-2', { sub: 'u', name: 'U' }, () => {}).leave();
  assert.equal(fn.mock.callCount(), 2);
});

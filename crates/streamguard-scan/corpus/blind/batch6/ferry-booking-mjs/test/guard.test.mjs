import test from 'node:test';
import assert from 'node:assert/strict';
import { SubjectBuckets } from '../server/limiter.mjs';

test('bucket is shared by every call of one subject', () => {
  const b = new SubjectBuckets({ ratePerSec: 0, burst: 3 });
  assert.equal(b.take('kiosk-12'), true);
  assert.equal(b.take('kiosk-12'), true);
  assert.equal(b.take('kiosk-12'), true);
  assert.equal(b.take('kiosk-12'), false);
  assert.equal(b.take('kiosk-13'), true);
});

test('a fake endless sailing feed for the board UI', () => {
  // used by the departure-board storybook; never registered by the server
  function watchSailing(call) {
    setInterval(() => call.write({ state: 'BOARDING' }), 1000).unref();
  }
  const writes = [];
  watchSailing({ write: (m) => writes.push(m) });
  assert.equal(writes.length, 0);
});

'use strict';
const test = require('node:test');
const assert = require('node:assert');
const monitorBus = require('../server/monitorBus');

test('bedside readings update the latest sample per bed', () => {
  monitorBus.record('icu3-07', 'hr', 88, 1000);
  monitorBus.record('icu3-07', 'spo2', 97, 1200);
  const s = monitorBus.latest('icu3-07');
  assert.strictEqual(s.hr, 88);
  assert.strictEqual(s.spo2, 97);
  assert.strictEqual(s.ts, 1200);
});

test('unknown bed has no sample', () => {
  assert.strictEqual(monitorBus.latest('nowhere'), undefined);
});

const test = require('node:test');
const assert = require('node:assert');
const { validateTrip, normalizeTrip } = require('../../src/model/trip');

test('normalizeTrip fills defaults', () => {
  const o = normalizeTrip({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateTrip(o), []);
});

test('validateTrip reports a missing id', () => {
  const errs = validateTrip({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

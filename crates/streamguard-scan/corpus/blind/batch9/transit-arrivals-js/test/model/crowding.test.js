const test = require('node:test');
const assert = require('node:assert');
const { validateCrowding, normalizeCrowding } = require('../../src/model/crowding');

test('normalizeCrowding fills defaults', () => {
  const o = normalizeCrowding({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCrowding(o), []);
});

test('validateCrowding reports a missing id', () => {
  const errs = validateCrowding({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

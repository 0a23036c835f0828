const test = require('node:test');
const assert = require('node:assert');
const { validateReliefPoint, normalizeReliefPoint } = require('../../src/model/relief_point');

test('normalizeReliefPoint fills defaults', () => {
  const o = normalizeReliefPoint({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateReliefPoint(o), []);
});

test('validateReliefPoint reports a missing id', () => {
  const errs = validateReliefPoint({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

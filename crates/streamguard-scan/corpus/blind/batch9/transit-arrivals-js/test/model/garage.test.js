const test = require('node:test');
const assert = require('node:assert');
const { validateGarage, normalizeGarage } = require('../../src/model/garage');

test('normalizeGarage fills defaults', () => {
  const o = normalizeGarage({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateGarage(o), []);
});

test('validateGarage reports a missing id', () => {
  const errs = validateGarage({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

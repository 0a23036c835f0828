const test = require('node:test');
const assert = require('node:assert');
const { validateBay, normalizeBay } = require('../../src/model/bay');

test('normalizeBay fills defaults', () => {
  const o = normalizeBay({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateBay(o), []);
});

test('validateBay reports a missing id', () => {
  const errs = validateBay({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateFarebox, normalizeFarebox } = require('../../src/model/farebox');

test('normalizeFarebox fills defaults', () => {
  const o = normalizeFarebox({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateFarebox(o), []);
});

test('validateFarebox reports a missing id', () => {
  const errs = validateFarebox({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateShift, normalizeShift } = require('../../src/model/shift');

test('normalizeShift fills defaults', () => {
  const o = normalizeShift({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateShift(o), []);
});

test('validateShift reports a missing id', () => {
  const errs = validateShift({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

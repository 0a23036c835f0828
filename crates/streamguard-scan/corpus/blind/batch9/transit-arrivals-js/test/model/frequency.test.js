const test = require('node:test');
const assert = require('node:assert');
const { validateFrequency, normalizeFrequency } = require('../../src/model/frequency');

test('normalizeFrequency fills defaults', () => {
  const o = normalizeFrequency({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateFrequency(o), []);
});

test('validateFrequency reports a missing id', () => {
  const errs = validateFrequency({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateShape, normalizeShape } = require('../../src/model/shape');

test('normalizeShape fills defaults', () => {
  const o = normalizeShape({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateShape(o), []);
});

test('validateShape reports a missing id', () => {
  const errs = validateShape({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateAccessibility, normalizeAccessibility } = require('../../src/model/accessibility');

test('normalizeAccessibility fills defaults', () => {
  const o = normalizeAccessibility({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateAccessibility(o), []);
});

test('validateAccessibility reports a missing id', () => {
  const errs = validateAccessibility({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

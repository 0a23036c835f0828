const test = require('node:test');
const assert = require('node:assert');
const { validatePattern, normalizePattern } = require('../../src/model/pattern');

test('normalizePattern fills defaults', () => {
  const o = normalizePattern({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validatePattern(o), []);
});

test('validatePattern reports a missing id', () => {
  const errs = validatePattern({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateDetour, normalizeDetour } = require('../../src/model/detour');

test('normalizeDetour fills defaults', () => {
  const o = normalizeDetour({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDetour(o), []);
});

test('validateDetour reports a missing id', () => {
  const errs = validateDetour({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

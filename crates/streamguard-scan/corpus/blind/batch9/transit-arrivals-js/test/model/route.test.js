const test = require('node:test');
const assert = require('node:assert');
const { validateRoute, normalizeRoute } = require('../../src/model/route');

test('normalizeRoute fills defaults', () => {
  const o = normalizeRoute({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateRoute(o), []);
});

test('validateRoute reports a missing id', () => {
  const errs = validateRoute({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

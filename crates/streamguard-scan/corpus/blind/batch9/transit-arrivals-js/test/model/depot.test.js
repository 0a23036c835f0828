const test = require('node:test');
const assert = require('node:assert');
const { validateDepot, normalizeDepot } = require('../../src/model/depot');

test('normalizeDepot fills defaults', () => {
  const o = normalizeDepot({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDepot(o), []);
});

test('validateDepot reports a missing id', () => {
  const errs = validateDepot({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

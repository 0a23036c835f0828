const test = require('node:test');
const assert = require('node:assert');
const { validateStop, normalizeStop } = require('../../src/model/stop');

test('normalizeStop fills defaults', () => {
  const o = normalizeStop({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateStop(o), []);
});

test('validateStop reports a missing id', () => {
  const errs = validateStop({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

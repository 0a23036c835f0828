const test = require('node:test');
const assert = require('node:assert');
const { validateRun, normalizeRun } = require('../../src/model/run');

test('normalizeRun fills defaults', () => {
  const o = normalizeRun({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateRun(o), []);
});

test('validateRun reports a missing id', () => {
  const errs = validateRun({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

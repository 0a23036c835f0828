const test = require('node:test');
const assert = require('node:assert');
const { validateTimepoint, normalizeTimepoint } = require('../../src/model/timepoint');

test('normalizeTimepoint fills defaults', () => {
  const o = normalizeTimepoint({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateTimepoint(o), []);
});

test('validateTimepoint reports a missing id', () => {
  const errs = validateTimepoint({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

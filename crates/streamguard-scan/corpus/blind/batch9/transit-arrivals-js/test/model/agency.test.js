const test = require('node:test');
const assert = require('node:assert');
const { validateAgency, normalizeAgency } = require('../../src/model/agency');

test('normalizeAgency fills defaults', () => {
  const o = normalizeAgency({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateAgency(o), []);
});

test('validateAgency reports a missing id', () => {
  const errs = validateAgency({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

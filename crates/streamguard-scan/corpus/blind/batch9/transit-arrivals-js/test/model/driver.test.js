const test = require('node:test');
const assert = require('node:assert');
const { validateDriver, normalizeDriver } = require('../../src/model/driver');

test('normalizeDriver fills defaults', () => {
  const o = normalizeDriver({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDriver(o), []);
});

test('validateDriver reports a missing id', () => {
  const errs = validateDriver({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

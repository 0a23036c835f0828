const test = require('node:test');
const assert = require('node:assert');
const { validateTransfer, normalizeTransfer } = require('../../src/model/transfer');

test('normalizeTransfer fills defaults', () => {
  const o = normalizeTransfer({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateTransfer(o), []);
});

test('validateTransfer reports a missing id', () => {
  const errs = validateTransfer({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateTransfer, normalizeTransfer } from '../../src/model/transfer.mjs';

test('normalizeTransfer fills defaults', () => {
  const o = normalizeTransfer({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateTransfer(o), []);
});

test('validateTransfer reports a missing id', () => {
  const errs = validateTransfer({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

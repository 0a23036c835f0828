import test from 'node:test';
import assert from 'node:assert';
import { validateWithdrawal, normalizeWithdrawal } from '../../src/model/withdrawal';

test('normalizeWithdrawal fills defaults', () => {
  const o = normalizeWithdrawal({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateWithdrawal(o), []);
});

test('validateWithdrawal reports a missing id', () => {
  const errs = validateWithdrawal({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateSupplier, normalizeSupplier } from '../../src/model/supplier.mjs';

test('normalizeSupplier fills defaults', () => {
  const o = normalizeSupplier({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateSupplier(o), []);
});

test('validateSupplier reports a missing id', () => {
  const errs = validateSupplier({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

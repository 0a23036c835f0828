import test from 'node:test';
import assert from 'node:assert';
import { validatePurchaseOrder, normalizePurchaseOrder } from '../../src/model/purchase_order.mjs';

test('normalizePurchaseOrder fills defaults', () => {
  const o = normalizePurchaseOrder({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validatePurchaseOrder(o), []);
});

test('validatePurchaseOrder reports a missing id', () => {
  const errs = validatePurchaseOrder({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

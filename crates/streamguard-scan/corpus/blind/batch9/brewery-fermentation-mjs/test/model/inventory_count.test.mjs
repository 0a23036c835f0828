import test from 'node:test';
import assert from 'node:assert';
import { validateInventoryCount, normalizeInventoryCount } from '../../src/model/inventory_count.mjs';

test('normalizeInventoryCount fills defaults', () => {
  const o = normalizeInventoryCount({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateInventoryCount(o), []);
});

test('validateInventoryCount reports a missing id', () => {
  const errs = validateInventoryCount({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

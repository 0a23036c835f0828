import test from 'node:test';
import assert from 'node:assert';
import { validateMaltLot, normalizeMaltLot } from '../../src/model/malt_lot.mjs';

test('normalizeMaltLot fills defaults', () => {
  const o = normalizeMaltLot({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateMaltLot(o), []);
});

test('validateMaltLot reports a missing id', () => {
  const errs = validateMaltLot({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

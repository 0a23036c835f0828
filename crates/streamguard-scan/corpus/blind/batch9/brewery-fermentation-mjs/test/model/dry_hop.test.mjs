import test from 'node:test';
import assert from 'node:assert';
import { validateDryHop, normalizeDryHop } from '../../src/model/dry_hop.mjs';

test('normalizeDryHop fills defaults', () => {
  const o = normalizeDryHop({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDryHop(o), []);
});

test('validateDryHop reports a missing id', () => {
  const errs = validateDryHop({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

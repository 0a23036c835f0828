import test from 'node:test';
import assert from 'node:assert';
import { validateDistributor, normalizeDistributor } from '../../src/model/distributor.mjs';

test('normalizeDistributor fills defaults', () => {
  const o = normalizeDistributor({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDistributor(o), []);
});

test('validateDistributor reports a missing id', () => {
  const errs = validateDistributor({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateHarvest, normalizeHarvest } from '../../src/model/harvest.mjs';

test('normalizeHarvest fills defaults', () => {
  const o = normalizeHarvest({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateHarvest(o), []);
});

test('validateHarvest reports a missing id', () => {
  const errs = validateHarvest({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

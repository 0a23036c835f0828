import test from 'node:test';
import assert from 'node:assert';
import { validateBatch, normalizeBatch } from '../../src/model/batch.mjs';

test('normalizeBatch fills defaults', () => {
  const o = normalizeBatch({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateBatch(o), []);
});

test('validateBatch reports a missing id', () => {
  const errs = validateBatch({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

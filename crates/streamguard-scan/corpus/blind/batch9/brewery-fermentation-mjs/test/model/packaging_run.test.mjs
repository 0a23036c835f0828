import test from 'node:test';
import assert from 'node:assert';
import { validatePackagingRun, normalizePackagingRun } from '../../src/model/packaging_run.mjs';

test('normalizePackagingRun fills defaults', () => {
  const o = normalizePackagingRun({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validatePackagingRun(o), []);
});

test('validatePackagingRun reports a missing id', () => {
  const errs = validatePackagingRun({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

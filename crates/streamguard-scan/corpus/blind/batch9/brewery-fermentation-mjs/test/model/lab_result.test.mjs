import test from 'node:test';
import assert from 'node:assert';
import { validateLabResult, normalizeLabResult } from '../../src/model/lab_result.mjs';

test('normalizeLabResult fills defaults', () => {
  const o = normalizeLabResult({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateLabResult(o), []);
});

test('validateLabResult reports a missing id', () => {
  const errs = validateLabResult({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

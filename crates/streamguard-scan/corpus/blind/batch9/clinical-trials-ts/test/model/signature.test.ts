import test from 'node:test';
import assert from 'node:assert';
import { validateSignature, normalizeSignature } from '../../src/model/signature';

test('normalizeSignature fills defaults', () => {
  const o = normalizeSignature({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateSignature(o), []);
});

test('validateSignature reports a missing id', () => {
  const errs = validateSignature({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

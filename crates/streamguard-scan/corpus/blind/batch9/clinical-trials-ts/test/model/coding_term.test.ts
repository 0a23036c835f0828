import test from 'node:test';
import assert from 'node:assert';
import { validateCodingTerm, normalizeCodingTerm } from '../../src/model/coding_term';

test('normalizeCodingTerm fills defaults', () => {
  const o = normalizeCodingTerm({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCodingTerm(o), []);
});

test('validateCodingTerm reports a missing id', () => {
  const errs = validateCodingTerm({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

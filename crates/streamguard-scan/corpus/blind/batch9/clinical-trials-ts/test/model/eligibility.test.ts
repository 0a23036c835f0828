import test from 'node:test';
import assert from 'node:assert';
import { validateEligibility, normalizeEligibility } from '../../src/model/eligibility';

test('normalizeEligibility fills defaults', () => {
  const o = normalizeEligibility({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateEligibility(o), []);
});

test('validateEligibility reports a missing id', () => {
  const errs = validateEligibility({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

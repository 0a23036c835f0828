import test from 'node:test';
import assert from 'node:assert';
import { validateCarbonation, normalizeCarbonation } from '../../src/model/carbonation.mjs';

test('normalizeCarbonation fills defaults', () => {
  const o = normalizeCarbonation({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCarbonation(o), []);
});

test('validateCarbonation reports a missing id', () => {
  const errs = validateCarbonation({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

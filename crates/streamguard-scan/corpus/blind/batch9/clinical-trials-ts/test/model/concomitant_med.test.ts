import test from 'node:test';
import assert from 'node:assert';
import { validateConcomitantMed, normalizeConcomitantMed } from '../../src/model/concomitant_med';

test('normalizeConcomitantMed fills defaults', () => {
  const o = normalizeConcomitantMed({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateConcomitantMed(o), []);
});

test('validateConcomitantMed reports a missing id', () => {
  const errs = validateConcomitantMed({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

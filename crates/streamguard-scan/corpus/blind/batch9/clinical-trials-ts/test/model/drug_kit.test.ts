import test from 'node:test';
import assert from 'node:assert';
import { validateDrugKit, normalizeDrugKit } from '../../src/model/drug_kit';

test('normalizeDrugKit fills defaults', () => {
  const o = normalizeDrugKit({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDrugKit(o), []);
});

test('validateDrugKit reports a missing id', () => {
  const errs = validateDrugKit({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateMedicalHistory, normalizeMedicalHistory } from '../../src/model/medical_history';

test('normalizeMedicalHistory fills defaults', () => {
  const o = normalizeMedicalHistory({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateMedicalHistory(o), []);
});

test('validateMedicalHistory reports a missing id', () => {
  const errs = validateMedicalHistory({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

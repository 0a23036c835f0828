import test from 'node:test';
import assert from 'node:assert';
import { validateDoseRecord, normalizeDoseRecord } from '../../src/model/dose_record';

test('normalizeDoseRecord fills defaults', () => {
  const o = normalizeDoseRecord({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDoseRecord(o), []);
});

test('validateDoseRecord reports a missing id', () => {
  const errs = validateDoseRecord({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateSdvRecord, normalizeSdvRecord } from '../../src/model/sdv_record';

test('normalizeSdvRecord fills defaults', () => {
  const o = normalizeSdvRecord({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateSdvRecord(o), []);
});

test('validateSdvRecord reports a missing id', () => {
  const errs = validateSdvRecord({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

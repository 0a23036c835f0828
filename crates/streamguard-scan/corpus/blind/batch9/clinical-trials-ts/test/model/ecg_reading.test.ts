import test from 'node:test';
import assert from 'node:assert';
import { validateEcgReading, normalizeEcgReading } from '../../src/model/ecg_reading';

test('normalizeEcgReading fills defaults', () => {
  const o = normalizeEcgReading({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateEcgReading(o), []);
});

test('validateEcgReading reports a missing id', () => {
  const errs = validateEcgReading({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

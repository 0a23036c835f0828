import test from 'node:test';
import assert from 'node:assert';
import { validateQualityHold, normalizeQualityHold } from '../../src/model/quality_hold.mjs';

test('normalizeQualityHold fills defaults', () => {
  const o = normalizeQualityHold({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateQualityHold(o), []);
});

test('validateQualityHold reports a missing id', () => {
  const errs = validateQualityHold({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

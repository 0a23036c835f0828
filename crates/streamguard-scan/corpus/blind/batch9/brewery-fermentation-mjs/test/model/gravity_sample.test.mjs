import test from 'node:test';
import assert from 'node:assert';
import { validateGravitySample, normalizeGravitySample } from '../../src/model/gravity_sample.mjs';

test('normalizeGravitySample fills defaults', () => {
  const o = normalizeGravitySample({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateGravitySample(o), []);
});

test('validateGravitySample reports a missing id', () => {
  const errs = validateGravitySample({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

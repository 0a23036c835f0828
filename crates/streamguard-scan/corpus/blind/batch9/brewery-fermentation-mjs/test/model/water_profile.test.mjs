import test from 'node:test';
import assert from 'node:assert';
import { validateWaterProfile, normalizeWaterProfile } from '../../src/model/water_profile.mjs';

test('normalizeWaterProfile fills defaults', () => {
  const o = normalizeWaterProfile({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateWaterProfile(o), []);
});

test('validateWaterProfile reports a missing id', () => {
  const errs = validateWaterProfile({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

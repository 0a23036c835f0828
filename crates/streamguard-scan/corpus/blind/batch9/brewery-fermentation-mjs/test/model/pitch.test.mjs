import test from 'node:test';
import assert from 'node:assert';
import { validatePitch, normalizePitch } from '../../src/model/pitch.mjs';

test('normalizePitch fills defaults', () => {
  const o = normalizePitch({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validatePitch(o), []);
});

test('validatePitch reports a missing id', () => {
  const errs = validatePitch({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateYeastStrain, normalizeYeastStrain } from '../../src/model/yeast_strain.mjs';

test('normalizeYeastStrain fills defaults', () => {
  const o = normalizeYeastStrain({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateYeastStrain(o), []);
});

test('validateYeastStrain reports a missing id', () => {
  const errs = validateYeastStrain({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

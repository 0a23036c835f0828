import test from 'node:test';
import assert from 'node:assert';
import { validateBriteTank, normalizeBriteTank } from '../../src/model/brite_tank.mjs';

test('normalizeBriteTank fills defaults', () => {
  const o = normalizeBriteTank({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateBriteTank(o), []);
});

test('validateBriteTank reports a missing id', () => {
  const errs = validateBriteTank({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

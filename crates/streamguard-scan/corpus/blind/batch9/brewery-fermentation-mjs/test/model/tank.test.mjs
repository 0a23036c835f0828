import test from 'node:test';
import assert from 'node:assert';
import { validateTank, normalizeTank } from '../../src/model/tank.mjs';

test('normalizeTank fills defaults', () => {
  const o = normalizeTank({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateTank(o), []);
});

test('validateTank reports a missing id', () => {
  const errs = validateTank({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

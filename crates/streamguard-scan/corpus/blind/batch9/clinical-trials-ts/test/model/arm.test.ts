import test from 'node:test';
import assert from 'node:assert';
import { validateArm, normalizeArm } from '../../src/model/arm';

test('normalizeArm fills defaults', () => {
  const o = normalizeArm({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateArm(o), []);
});

test('validateArm reports a missing id', () => {
  const errs = validateArm({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

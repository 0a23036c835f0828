import test from 'node:test';
import assert from 'node:assert';
import { validateRandomization, normalizeRandomization } from '../../src/model/randomization';

test('normalizeRandomization fills defaults', () => {
  const o = normalizeRandomization({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateRandomization(o), []);
});

test('validateRandomization reports a missing id', () => {
  const errs = validateRandomization({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

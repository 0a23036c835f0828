import test from 'node:test';
import assert from 'node:assert';
import { validateKeg, normalizeKeg } from '../../src/model/keg.mjs';

test('normalizeKeg fills defaults', () => {
  const o = normalizeKeg({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateKeg(o), []);
});

test('validateKeg reports a missing id', () => {
  const errs = validateKeg({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

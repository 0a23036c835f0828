import test from 'node:test';
import assert from 'node:assert';
import { validateDump, normalizeDump } from '../../src/model/dump.mjs';

test('normalizeDump fills defaults', () => {
  const o = normalizeDump({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDump(o), []);
});

test('validateDump reports a missing id', () => {
  const errs = validateDump({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

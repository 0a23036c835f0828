import test from 'node:test';
import assert from 'node:assert';
import { validateGlycolLoop, normalizeGlycolLoop } from '../../src/model/glycol_loop.mjs';

test('normalizeGlycolLoop fills defaults', () => {
  const o = normalizeGlycolLoop({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateGlycolLoop(o), []);
});

test('validateGlycolLoop reports a missing id', () => {
  const errs = validateGlycolLoop({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateHopAddition, normalizeHopAddition } from '../../src/model/hop_addition.mjs';

test('normalizeHopAddition fills defaults', () => {
  const o = normalizeHopAddition({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateHopAddition(o), []);
});

test('validateHopAddition reports a missing id', () => {
  const errs = validateHopAddition({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

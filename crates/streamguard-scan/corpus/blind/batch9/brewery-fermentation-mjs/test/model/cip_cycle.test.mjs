import test from 'node:test';
import assert from 'node:assert';
import { validateCipCycle, normalizeCipCycle } from '../../src/model/cip_cycle.mjs';

test('normalizeCipCycle fills defaults', () => {
  const o = normalizeCipCycle({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCipCycle(o), []);
});

test('validateCipCycle reports a missing id', () => {
  const errs = validateCipCycle({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

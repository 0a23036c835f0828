import test from 'node:test';
import assert from 'node:assert';
import { validateCrash, normalizeCrash } from '../../src/model/crash.mjs';

test('normalizeCrash fills defaults', () => {
  const o = normalizeCrash({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCrash(o), []);
});

test('validateCrash reports a missing id', () => {
  const errs = validateCrash({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

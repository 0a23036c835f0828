import test from 'node:test';
import assert from 'node:assert';
import { validateSite, normalizeSite } from '../../src/model/site';

test('normalizeSite fills defaults', () => {
  const o = normalizeSite({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateSite(o), []);
});

test('validateSite reports a missing id', () => {
  const errs = validateSite({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateConsent, normalizeConsent } from '../../src/model/consent';

test('normalizeConsent fills defaults', () => {
  const o = normalizeConsent({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateConsent(o), []);
});

test('validateConsent reports a missing id', () => {
  const errs = validateConsent({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateUnblinding, normalizeUnblinding } from '../../src/model/unblinding';

test('normalizeUnblinding fills defaults', () => {
  const o = normalizeUnblinding({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateUnblinding(o), []);
});

test('validateUnblinding reports a missing id', () => {
  const errs = validateUnblinding({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

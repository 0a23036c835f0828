import test from 'node:test';
import assert from 'node:assert';
import { validateSubject, normalizeSubject } from '../../src/model/subject';

test('normalizeSubject fills defaults', () => {
  const o = normalizeSubject({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateSubject(o), []);
});

test('validateSubject reports a missing id', () => {
  const errs = validateSubject({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

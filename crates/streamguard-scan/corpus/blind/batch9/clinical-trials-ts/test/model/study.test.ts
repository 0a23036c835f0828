import test from 'node:test';
import assert from 'node:assert';
import { validateStudy, normalizeStudy } from '../../src/model/study';

test('normalizeStudy fills defaults', () => {
  const o = normalizeStudy({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateStudy(o), []);
});

test('validateStudy reports a missing id', () => {
  const errs = validateStudy({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateDataQuery, normalizeDataQuery } from '../../src/model/data_query';

test('normalizeDataQuery fills defaults', () => {
  const o = normalizeDataQuery({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDataQuery(o), []);
});

test('validateDataQuery reports a missing id', () => {
  const errs = validateDataQuery({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateInvestigator, normalizeInvestigator } from '../../src/model/investigator';

test('normalizeInvestigator fills defaults', () => {
  const o = normalizeInvestigator({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateInvestigator(o), []);
});

test('validateInvestigator reports a missing id', () => {
  const errs = validateInvestigator({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

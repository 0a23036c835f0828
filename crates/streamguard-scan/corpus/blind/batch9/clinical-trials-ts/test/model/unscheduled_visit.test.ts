import test from 'node:test';
import assert from 'node:assert';
import { validateUnscheduledVisit, normalizeUnscheduledVisit } from '../../src/model/unscheduled_visit';

test('normalizeUnscheduledVisit fills defaults', () => {
  const o = normalizeUnscheduledVisit({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateUnscheduledVisit(o), []);
});

test('validateUnscheduledVisit reports a missing id', () => {
  const errs = validateUnscheduledVisit({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateVisitSchedule, normalizeVisitSchedule } from '../../src/model/visit_schedule';

test('normalizeVisitSchedule fills defaults', () => {
  const o = normalizeVisitSchedule({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateVisitSchedule(o), []);
});

test('validateVisitSchedule reports a missing id', () => {
  const errs = validateVisitSchedule({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateMonitorVisit, normalizeMonitorVisit } from '../../src/model/monitor_visit';

test('normalizeMonitorVisit fills defaults', () => {
  const o = normalizeMonitorVisit({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateMonitorVisit(o), []);
});

test('validateMonitorVisit reports a missing id', () => {
  const errs = validateMonitorVisit({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

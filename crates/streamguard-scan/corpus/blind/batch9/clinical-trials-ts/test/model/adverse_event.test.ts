import test from 'node:test';
import assert from 'node:assert';
import { validateAdverseEvent, normalizeAdverseEvent } from '../../src/model/adverse_event';

test('normalizeAdverseEvent fills defaults', () => {
  const o = normalizeAdverseEvent({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateAdverseEvent(o), []);
});

test('validateAdverseEvent reports a missing id', () => {
  const errs = validateAdverseEvent({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

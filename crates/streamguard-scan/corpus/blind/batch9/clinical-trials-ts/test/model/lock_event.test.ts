import test from 'node:test';
import assert from 'node:assert';
import { validateLockEvent, normalizeLockEvent } from '../../src/model/lock_event';

test('normalizeLockEvent fills defaults', () => {
  const o = normalizeLockEvent({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateLockEvent(o), []);
});

test('validateLockEvent reports a missing id', () => {
  const errs = validateLockEvent({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

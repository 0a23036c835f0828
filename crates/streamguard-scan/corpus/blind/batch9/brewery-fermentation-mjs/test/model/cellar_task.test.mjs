import test from 'node:test';
import assert from 'node:assert';
import { validateCellarTask, normalizeCellarTask } from '../../src/model/cellar_task.mjs';

test('normalizeCellarTask fills defaults', () => {
  const o = normalizeCellarTask({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCellarTask(o), []);
});

test('validateCellarTask reports a missing id', () => {
  const errs = validateCellarTask({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

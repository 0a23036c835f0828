import test from 'node:test';
import assert from 'node:assert';
import { validateBrewhouseLog, normalizeBrewhouseLog } from '../../src/model/brewhouse_log.mjs';

test('normalizeBrewhouseLog fills defaults', () => {
  const o = normalizeBrewhouseLog({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateBrewhouseLog(o), []);
});

test('validateBrewhouseLog reports a missing id', () => {
  const errs = validateBrewhouseLog({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateExciseReport, normalizeExciseReport } from '../../src/model/excise_report.mjs';

test('normalizeExciseReport fills defaults', () => {
  const o = normalizeExciseReport({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateExciseReport(o), []);
});

test('validateExciseReport reports a missing id', () => {
  const errs = validateExciseReport({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

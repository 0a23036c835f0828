const test = require('node:test');
const assert = require('node:assert');
const { validateOccupancyReport, normalizeOccupancyReport } = require('../../src/model/occupancy_report');

test('normalizeOccupancyReport fills defaults', () => {
  const o = normalizeOccupancyReport({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateOccupancyReport(o), []);
});

test('validateOccupancyReport reports a missing id', () => {
  const errs = validateOccupancyReport({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

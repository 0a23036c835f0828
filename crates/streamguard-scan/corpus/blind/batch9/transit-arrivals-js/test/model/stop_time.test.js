const test = require('node:test');
const assert = require('node:assert');
const { validateStopTime, normalizeStopTime } = require('../../src/model/stop_time');

test('normalizeStopTime fills defaults', () => {
  const o = normalizeStopTime({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateStopTime(o), []);
});

test('validateStopTime reports a missing id', () => {
  const errs = validateStopTime({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

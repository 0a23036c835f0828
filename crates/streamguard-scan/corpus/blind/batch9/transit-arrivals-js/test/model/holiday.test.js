const test = require('node:test');
const assert = require('node:assert');
const { validateHoliday, normalizeHoliday } = require('../../src/model/holiday');

test('normalizeHoliday fills defaults', () => {
  const o = normalizeHoliday({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateHoliday(o), []);
});

test('validateHoliday reports a missing id', () => {
  const errs = validateHoliday({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

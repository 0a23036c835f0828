const test = require('node:test');
const assert = require('node:assert');
const { validateCalendar, normalizeCalendar } = require('../../src/model/calendar');

test('normalizeCalendar fills defaults', () => {
  const o = normalizeCalendar({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCalendar(o), []);
});

test('validateCalendar reports a missing id', () => {
  const errs = validateCalendar({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateRiderFeedback, normalizeRiderFeedback } = require('../../src/model/rider_feedback');

test('normalizeRiderFeedback fills defaults', () => {
  const o = normalizeRiderFeedback({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateRiderFeedback(o), []);
});

test('validateRiderFeedback reports a missing id', () => {
  const errs = validateRiderFeedback({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateServiceAlert, normalizeServiceAlert } = require('../../src/model/service_alert');

test('normalizeServiceAlert fills defaults', () => {
  const o = normalizeServiceAlert({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateServiceAlert(o), []);
});

test('validateServiceAlert reports a missing id', () => {
  const errs = validateServiceAlert({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateVehicle, normalizeVehicle } = require('../../src/model/vehicle');

test('normalizeVehicle fills defaults', () => {
  const o = normalizeVehicle({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateVehicle(o), []);
});

test('validateVehicle reports a missing id', () => {
  const errs = validateVehicle({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

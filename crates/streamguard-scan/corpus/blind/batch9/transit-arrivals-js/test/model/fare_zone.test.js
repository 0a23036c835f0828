const test = require('node:test');
const assert = require('node:assert');
const { validateFareZone, normalizeFareZone } = require('../../src/model/fare_zone');

test('normalizeFareZone fills defaults', () => {
  const o = normalizeFareZone({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateFareZone(o), []);
});

test('validateFareZone reports a missing id', () => {
  const errs = validateFareZone({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

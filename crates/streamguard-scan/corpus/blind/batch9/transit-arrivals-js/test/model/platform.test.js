const test = require('node:test');
const assert = require('node:assert');
const { validatePlatform, normalizePlatform } = require('../../src/model/platform');

test('normalizePlatform fills defaults', () => {
  const o = normalizePlatform({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validatePlatform(o), []);
});

test('validatePlatform reports a missing id', () => {
  const errs = validatePlatform({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateHeadway, normalizeHeadway } = require('../../src/model/headway');

test('normalizeHeadway fills defaults', () => {
  const o = normalizeHeadway({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateHeadway(o), []);
});

test('validateHeadway reports a missing id', () => {
  const errs = validateHeadway({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateBlock, normalizeBlock } = require('../../src/model/block');

test('normalizeBlock fills defaults', () => {
  const o = normalizeBlock({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateBlock(o), []);
});

test('validateBlock reports a missing id', () => {
  const errs = validateBlock({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

const test = require('node:test');
const assert = require('node:assert');
const { validateSign, normalizeSign } = require('../../src/model/sign');

test('normalizeSign fills defaults', () => {
  const o = normalizeSign({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateSign(o), []);
});

test('validateSign reports a missing id', () => {
  const errs = validateSign({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

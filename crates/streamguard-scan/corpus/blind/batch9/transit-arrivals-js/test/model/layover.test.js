const test = require('node:test');
const assert = require('node:assert');
const { validateLayover, normalizeLayover } = require('../../src/model/layover');

test('normalizeLayover fills defaults', () => {
  const o = normalizeLayover({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateLayover(o), []);
});

test('validateLayover reports a missing id', () => {
  const errs = validateLayover({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

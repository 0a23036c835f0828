const test = require('node:test');
const assert = require('node:assert');
const { validateDeadhead, normalizeDeadhead } = require('../../src/model/deadhead');

test('normalizeDeadhead fills defaults', () => {
  const o = normalizeDeadhead({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateDeadhead(o), []);
});

test('validateDeadhead reports a missing id', () => {
  const errs = validateDeadhead({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

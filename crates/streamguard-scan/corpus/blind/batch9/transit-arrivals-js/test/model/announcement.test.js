const test = require('node:test');
const assert = require('node:assert');
const { validateAnnouncement, normalizeAnnouncement } = require('../../src/model/announcement');

test('normalizeAnnouncement fills defaults', () => {
  const o = normalizeAnnouncement({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateAnnouncement(o), []);
});

test('validateAnnouncement reports a missing id', () => {
  const errs = validateAnnouncement({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

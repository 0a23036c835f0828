const test = require('node:test');
const assert = require('node:assert');
const { validateTicketVending, normalizeTicketVending } = require('../../src/model/ticket_vending');

test('normalizeTicketVending fills defaults', () => {
  const o = normalizeTicketVending({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateTicketVending(o), []);
});

test('validateTicketVending reports a missing id', () => {
  const errs = validateTicketVending({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

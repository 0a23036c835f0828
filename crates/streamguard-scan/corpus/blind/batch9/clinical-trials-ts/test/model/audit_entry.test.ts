import test from 'node:test';
import assert from 'node:assert';
import { validateAuditEntry, normalizeAuditEntry } from '../../src/model/audit_entry';

test('normalizeAuditEntry fills defaults', () => {
  const o = normalizeAuditEntry({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateAuditEntry(o), []);
});

test('validateAuditEntry reports a missing id', () => {
  const errs = validateAuditEntry({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateLabPanel, normalizeLabPanel } from '../../src/model/lab_panel';

test('normalizeLabPanel fills defaults', () => {
  const o = normalizeLabPanel({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateLabPanel(o), []);
});

test('validateLabPanel reports a missing id', () => {
  const errs = validateLabPanel({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

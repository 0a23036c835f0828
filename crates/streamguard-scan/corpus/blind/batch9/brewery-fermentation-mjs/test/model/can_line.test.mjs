import test from 'node:test';
import assert from 'node:assert';
import { validateCanLine, normalizeCanLine } from '../../src/model/can_line.mjs';

test('normalizeCanLine fills defaults', () => {
  const o = normalizeCanLine({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCanLine(o), []);
});

test('validateCanLine reports a missing id', () => {
  const errs = validateCanLine({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateProtocolDeviation, normalizeProtocolDeviation } from '../../src/model/protocol_deviation';

test('normalizeProtocolDeviation fills defaults', () => {
  const o = normalizeProtocolDeviation({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateProtocolDeviation(o), []);
});

test('validateProtocolDeviation reports a missing id', () => {
  const errs = validateProtocolDeviation({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

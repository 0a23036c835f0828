import test from 'node:test';
import assert from 'node:assert';
import { validateShipment, normalizeShipment } from '../../src/model/shipment.mjs';

test('normalizeShipment fills defaults', () => {
  const o = normalizeShipment({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateShipment(o), []);
});

test('validateShipment reports a missing id', () => {
  const errs = validateShipment({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateShipmentLog, normalizeShipmentLog } from '../../src/model/shipment_log';

test('normalizeShipmentLog fills defaults', () => {
  const o = normalizeShipmentLog({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateShipmentLog(o), []);
});

test('validateShipmentLog reports a missing id', () => {
  const errs = validateShipmentLog({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

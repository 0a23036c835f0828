import test from 'node:test';
import assert from 'node:assert';
import { validateVitalSigns, normalizeVitalSigns } from '../../src/model/vital_signs';

test('normalizeVitalSigns fills defaults', () => {
  const o = normalizeVitalSigns({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateVitalSigns(o), []);
});

test('validateVitalSigns reports a missing id', () => {
  const errs = validateVitalSigns({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

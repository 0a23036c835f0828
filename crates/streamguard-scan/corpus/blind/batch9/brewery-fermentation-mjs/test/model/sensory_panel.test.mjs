import test from 'node:test';
import assert from 'node:assert';
import { validateSensoryPanel, normalizeSensoryPanel } from '../../src/model/sensory_panel.mjs';

test('normalizeSensoryPanel fills defaults', () => {
  const o = normalizeSensoryPanel({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateSensoryPanel(o), []);
});

test('validateSensoryPanel reports a missing id', () => {
  const errs = validateSensoryPanel({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert';
import { validateCoordinator, normalizeCoordinator } from '../../src/model/coordinator';

test('normalizeCoordinator fills defaults', () => {
  const o = normalizeCoordinator({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCoordinator(o), []);
});

test('validateCoordinator reports a missing id', () => {
  const errs = validateCoordinator({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

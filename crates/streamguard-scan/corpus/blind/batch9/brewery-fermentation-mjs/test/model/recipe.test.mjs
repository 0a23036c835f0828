import test from 'node:test';
import assert from 'node:assert';
import { validateRecipe, normalizeRecipe } from '../../src/model/recipe.mjs';

test('normalizeRecipe fills defaults', () => {
  const o = normalizeRecipe({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateRecipe(o), []);
});

test('validateRecipe reports a missing id', () => {
  const errs = validateRecipe({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

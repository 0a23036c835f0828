import test from 'node:test';
import assert from 'node:assert';
import { validateCrfPage, normalizeCrfPage } from '../../src/model/crf_page';

test('normalizeCrfPage fills defaults', () => {
  const o = normalizeCrfPage({ id: 'x1' });
  assert.strictEqual(o.id, 'x1');
  assert.deepStrictEqual(validateCrfPage(o), []);
});

test('validateCrfPage reports a missing id', () => {
  const errs = validateCrfPage({});
  assert.ok(errs.some((e) => e.startsWith('id')));
});

import test from 'node:test';
import assert from 'node:assert/strict';
import { mayScore } from '../src/guard/tokens.mjs';

const scorer = { scopes: new Set(['score:write']), matches: new Set(['m-1']) };

test('scorer may post throws on a match named in the token', () => {
  assert.equal(mayScore(scorer, 'm-1', 'throw'), true);
});

test('scorer may not post on another match', () => {
  assert.equal(mayScore(scorer, 'm-2', 'throw'), false);
});

test('corrections need score:correct', () => {
  assert.equal(mayScore(scorer, 'm-1', 'correction'), false);
  assert.equal(mayScore({ ...scorer, scopes: new Set(['score:correct']) }, 'm-1', 'correction'), true);
});

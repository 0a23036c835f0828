import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canUseAccount } from '../src/acl.js';

test('wildcard key can use any account', () => {
  assert.equal(canUseAccount({ accounts: new Set(['*']) }, 'acc-1'), true);
});

test('key without the account is refused', () => {
  assert.equal(canUseAccount({ accounts: new Set(['acc-2']) }, 'acc-1'), false);
});

import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { claimsOf } from '../src/auth/claims';

async function token(payload: Record<string, unknown>) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('10m')
    .setSubject('attendant-3')
    .setJti('t-1')
    .sign(new TextEncoder().encode('test-secret-test-secret-test-secret'));
}

function call(tok: string) {
  return { metadata: { get: (k: string) => (k === 'authorization' ? [`Bearer ${tok}`] : []) } };
}

describe('claimsOf', () => {
  it('reads stores and scopes', async () => {
    const c = claimsOf(call(await token({ stores: ['S-14'], scope: 'store:attend machine:upload' })));
    expect(c.stores).toEqual(['S-14']);
    expect(c.scopes.has('store:attend')).toBe(true);
    expect(c.sub).toBe('attendant-3');
  });

  it('defaults to no stores', async () => {
    const c = claimsOf(call(await token({})));
    expect(c.stores).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { Metadata } from '@grpc/grpc-js';
import { canControl, claimsOf } from '../src/auth/interceptor';

const operator = { sub: 'op-7', sites: ['site-a'], scopes: ['curtail:write'], exp: 4102444800 };

describe('canControl', () => {
  it('allows a site in the token with the scope', () => {
    expect(canControl(operator, 'site-a')).toBe(true);
  });
  it('denies a site outside the token', () => {
    expect(canControl(operator, 'site-b')).toBe(false);
  });
  it('denies without curtail:write', () => {
    expect(canControl({ ...operator, scopes: ['fleet:read'] }, 'site-a')).toBe(false);
  });
});

describe('claimsOf', () => {
  it('reads the claims the interceptor stored', () => {
    const md = new Metadata();
    md.set('x-fleet-claims', JSON.stringify(operator));
    expect(claimsOf(md).sub).toBe('op-7');
  });
});

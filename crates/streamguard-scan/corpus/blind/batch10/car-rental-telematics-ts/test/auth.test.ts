import { describe, expect, it, vi } from 'vitest';
import { createHmac } from 'crypto';

vi.mock('../src/gateway/config', () => ({ config: { deviceKeySecret: 'test-secret', jwksUrl: 'https://example.test/jwks' } }));

import { verifyDeviceToken } from '../src/gateway/interceptors/auth';

function token(claims: object, secret = 'test-secret') {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('verifyDeviceToken', () => {
  it('accepts a valid token', () => {
    const p = verifyDeviceToken(token({ vin: 'WVWZZZ1JZXW000001', exp: Math.floor(Date.now() / 1000) + 60 }));
    expect(p.vin).toBe('WVWZZZ1JZXW000001');
    expect(p.kind).toBe('device');
  });

  it('rejects a token signed with another secret', () => {
    expect(() => verifyDeviceToken(token({ vin: 'X', exp: 9999999999 }, 'other'))).toThrow(/bad device token/);
  });

  it('rejects an expired token', () => {
    expect(() => verifyDeviceToken(token({ vin: 'X', exp: 1 }))).toThrow(/expired/);
  });
});

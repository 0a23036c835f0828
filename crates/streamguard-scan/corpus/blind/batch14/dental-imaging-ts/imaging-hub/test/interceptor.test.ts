import { describe, expect, it } from 'vitest';
import * as grpc from '@grpc/grpc-js';
import { canView, clinicianOf, CLAIMS_HEADER } from '../src/auth/interceptor';

describe('canView', () => {
  const dentist = { sub: 'd1', clinics: ['c-north'], roles: ['dentist'], exp: 0 };

  it('allows own clinic', () => {
    expect(canView(dentist, 'c-north')).toBe(true);
  });

  it('refuses other clinics', () => {
    expect(canView(dentist, 'c-south')).toBe(false);
  });

  it('refuses hygienists', () => {
    expect(canView({ ...dentist, roles: ['hygienist'] }, 'c-north')).toBe(false);
  });
});

describe('clinicianOf', () => {
  it('reads the claims the interceptor set', () => {
    const md = new grpc.Metadata();
    md.set(CLAIMS_HEADER, JSON.stringify({ sub: 'r7', clinics: [], roles: ['radiologist'], exp: 1 }));
    expect(clinicianOf({ metadata: md }).sub).toBe('r7');
  });
});

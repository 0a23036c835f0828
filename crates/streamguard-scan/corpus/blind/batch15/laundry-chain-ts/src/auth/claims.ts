import { decodeJwt } from 'jose';

export interface StoreClaims {
  sub: string;
  jti: string;
  exp: number;
  stores: string[];
  scopes: Set<string>;
}

interface HasMetadata {
  metadata: { get(key: string): Array<string | Buffer> };
}

// The interceptor has already verified the signature; here we only read the claims.
export function claimsOf(call: HasMetadata): StoreClaims {
  const header = String(call.metadata.get('authorization')[0] ?? '');
  const p = decodeJwt(header.replace(/^Bearer /, ''));
  return {
    sub: String(p.sub),
    jti: String(p.jti),
    exp: Number(p.exp),
    stores: Array.isArray(p.stores) ? (p.stores as string[]) : [],
    scopes: new Set(String(p.scope ?? '').split(' ').filter(Boolean)),
  };
}

import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { config } from './config';

const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000 });

export interface FanClaims {
  sub: string;
  jti: string;
  exp: number;
  scopes: Set<string>;
  raw: string;
}

export async function verifyFanToken(raw: string): Promise<FanClaims> {
  const { payload } = await jwtVerify(raw, jwks, {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: ['RS256', 'ES256'],
    clockTolerance: 1,
    requiredClaims: ['exp', 'sub', 'jti'],
  });
  return toClaims(payload, raw);
}

function toClaims(p: JWTPayload, raw: string): FanClaims {
  const scope = typeof p.scope === 'string' ? p.scope.split(' ') : [];
  return { sub: String(p.sub), jti: String(p.jti), exp: Number(p.exp), scopes: new Set(scope), raw };
}

export function bearerOf(values: (string | Buffer)[]): string | undefined {
  const v = values[0];
  if (typeof v !== 'string' || !v.startsWith('Bearer ')) return undefined;
  return v.slice(7);
}

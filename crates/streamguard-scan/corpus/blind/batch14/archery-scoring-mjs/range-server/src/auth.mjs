import { createRemoteJWKSet, jwtVerify } from 'jose';
import grpc from '@grpc/grpc-js';

const JWKS = createRemoteJWKSet(new URL(process.env.RANGE_JWKS_URL ?? 'https://id.archery.example/.well-known/jwks.json'));
const ISSUER = process.env.RANGE_ISSUER ?? 'https://id.archery.example';
const AUDIENCE = 'range-scoring';

export class AuthError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export async function authenticate(metadata) {
  const [raw] = metadata.get('authorization');
  if (typeof raw !== 'string' || !raw.startsWith('Bearer ')) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'missing_token');
  }
  try {
    const { payload } = await jwtVerify(raw.slice(7), JWKS, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['RS256', 'ES256'],
      clockTolerance: 1,
      requiredClaims: ['exp', 'sub', 'jti'],
    });
    const scopes = new Set(String(payload.scope ?? '').split(' ').filter(Boolean));
    const lanes = new Set((payload.lanes ?? []).map(Number));
    return { sub: payload.sub, jti: payload.jti, exp: payload.exp, scopes, lanes, tournaments: new Set(payload.tournaments ?? []) };
  } catch (e) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, 'invalid_token');
  }
}

export function mayScore(claims, msg) {
  return (
    claims.scopes.has('scores:write') &&
    claims.tournaments.has(msg.tournamentId) &&
    claims.lanes.has(Number(msg.lane))
  );
}

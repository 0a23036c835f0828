import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config.mjs';

const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000 });

export async function verifyBearer(metadata) {
  const header = metadata.get('authorization')[0];
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
  const { payload } = await jwtVerify(header.slice(7), jwks, {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: ['ES256'],
    clockTolerance: 1,
    requiredClaims: ['exp', 'sub', 'jti'],
  });
  return {
    sub: payload.sub,
    jti: payload.jti,
    exp: payload.exp,
    scopes: new Set(String(payload.scope ?? '').split(' ').filter(Boolean)),
    matches: new Set(payload.matches ?? []),
  };
}

// A scorer may act on a match only when the token names it and carries the scope for the action.
export function mayScore(claims, matchId, action) {
  const needed = action === 'correction' ? 'score:correct' : 'score:write';
  return claims.scopes.has(needed) && claims.matches.has(matchId);
}

import { createRemoteJWKSet, jwtVerify } from 'jose';

const JWKS = createRemoteJWKSet(new URL(process.env.COLLAB_JWKS_URL ?? 'https://login.collab.app/.well-known/jwks.json'));
const ISSUER = process.env.COLLAB_ISSUER ?? 'https://login.collab.app/';
const AUDIENCE = 'collab-api';

export async function authenticate(metadata) {
  const value = metadata.get('authorization')[0];
  if (typeof value !== 'string') return null;
  const [scheme, token] = value.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) return null;
  try {
    const { payload } = await jwtVerify(token, JWKS, { issuer: ISSUER, audience: AUDIENCE, clockTolerance: 1 });
    return { sub: payload.sub, jti: payload.jti, exp: payload.exp, name: payload.name ?? payload.sub };
  } catch {
    return null;
  }
}

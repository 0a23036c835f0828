import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config.mjs';

const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000 });

export async function verifyBearer(metadata) {
  const raw = metadata.get('authorization')[0];
  if (typeof raw !== 'string' || !raw.startsWith('Bearer ')) {
    throw Object.assign(new Error('missing bearer token'), { code: 16 });
  }
  const { payload } = await jwtVerify(raw.slice(7), jwks, {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: ['RS256', 'ES256'],
    clockTolerance: 1,
    requiredClaims: ['exp', 'sub', 'jti'],
  });
  return payload;
}

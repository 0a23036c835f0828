import { createRemoteJWKSet, jwtVerify } from 'jose';
import grpc from '@grpc/grpc-js';

let jwks;

export async function verifyCall(call, cfg) {
  jwks ??= createRemoteJWKSet(new URL(cfg.jwksUrl), { cooldownDuration: 30_000 });
  const raw = call.metadata.get('authorization')[0];
  if (typeof raw !== 'string' || !raw.startsWith('Bearer ')) {
    throw Object.assign(new Error('missing token'), { code: grpc.status.UNAUTHENTICATED });
  }
  try {
    const { payload } = await jwtVerify(raw.slice(7), jwks, {
      issuer: cfg.issuer,
      audience: cfg.audience,
      algorithms: ['ES256'],
      requiredClaims: ['exp', 'jti', 'sub'],
      clockTolerance: 1,
    });
    return {
      sub: payload.sub,
      jti: payload.jti,
      exp: payload.exp,
      rides: new Set(payload.rides ?? []),
      scopes: new Set(String(payload.scope ?? '').split(' ').filter(Boolean)),
    };
  } catch (e) {
    throw Object.assign(new Error(`bad token: ${e.code ?? e.message}`), { code: grpc.status.UNAUTHENTICATED });
  }
}

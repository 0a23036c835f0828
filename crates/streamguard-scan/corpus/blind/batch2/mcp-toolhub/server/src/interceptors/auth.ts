import * as grpc from '@grpc/grpc-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { bindClaims, type Claims } from '../session.js';

const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL ?? 'https://idp.toolhub.io/.well-known/jwks.json'));
const AUDIENCE = process.env.TOOLHUB_AUDIENCE ?? 'https://toolhub.io/mcp';
const PUBLIC = new Set(['/grpc.health.v1.Health/Check', '/grpc.health.v1.Health/Watch']);

export function bearerAuth(method: grpc.ServerMethodDefinition<any, any>, call: grpc.ServerInterceptingCallInterface) {
  if (PUBLIC.has(method.path)) return new grpc.ServerInterceptingCall(call);

  const listener = new grpc.ServerListenerBuilder()
    .withOnReceiveMetadata((md, next) => {
      const raw = md.get('authorization')[0];
      const token = typeof raw === 'string' && raw.startsWith('Bearer ') ? raw.slice(7) : undefined;
      if (!token) {
        call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token', metadata: new grpc.Metadata() });
        return;
      }
      jwtVerify(token, jwks, { audience: AUDIENCE, clockTolerance: 1, requiredClaims: ['exp', 'sub', 'jti'] })
        .then(({ payload }) => {
          bindClaims(md, payload as Claims);
          next(md);
        })
        .catch((e) => call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: String(e.code ?? 'invalid_token'), metadata: new grpc.Metadata() }));
    })
    .build();

  return new grpc.ServerInterceptingCall(call, {
    start: (next) => next(listener),
  });
}

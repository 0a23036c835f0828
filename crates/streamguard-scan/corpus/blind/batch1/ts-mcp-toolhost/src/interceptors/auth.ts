import * as grpc from '@grpc/grpc-js';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { readFileSync } from 'node:fs';

const jwks = createLocalJWKSet(
  JSON.parse(readFileSync(process.env.JWKS_FILE ?? '/etc/toolhost/jwks.json', 'utf8')) as JSONWebKeySet,
);

const PUBLIC_METHODS = new Set(['/grpc.health.v1.Health/Check', '/grpc.health.v1.Health/Watch']);

export const VERIFIED_SUB = 'x-toolhost-sub';
export const VERIFIED_SCOPES = 'x-toolhost-scopes';

async function verify(header: string | undefined) {
  if (!header?.startsWith('Bearer ')) throw new Error('missing bearer');
  const { payload } = await jwtVerify(header.slice(7), jwks, {
    audience: process.env.TOOLHOST_AUDIENCE ?? 'https://tools.example.com',
    requiredClaims: ['exp', 'sub'],
  });
  return payload;
}

export const authInterceptor: grpc.ServerInterceptor = (methodDescriptor, call) => {
  if (PUBLIC_METHODS.has(methodDescriptor.path)) {
    return new grpc.ServerInterceptingCall(call);
  }

  const listener = new grpc.ServerListenerBuilder()
    .withOnReceiveMetadata((metadata, next) => {
      const header = metadata.get('authorization')[0];
      verify(typeof header === 'string' ? header : undefined).then(
        (claims) => {
          metadata.set(VERIFIED_SUB, String(claims.sub));
          const scope = typeof claims.scope === 'string' ? claims.scope : '';
          metadata.set(VERIFIED_SCOPES, scope);
          next(metadata);
        },
        () => {
          call.sendStatus({
            code: grpc.status.UNAUTHENTICATED,
            details: 'invalid_token',
            metadata: new grpc.Metadata(),
          });
        },
      );
    })
    .build();

  const responder = new grpc.ResponderBuilder().withStart((next) => next(listener)).build();
  return new grpc.ServerInterceptingCall(call, responder);
};

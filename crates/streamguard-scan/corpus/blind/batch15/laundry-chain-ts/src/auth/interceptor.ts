import * as grpc from '@grpc/grpc-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config';

const jwks = createRemoteJWKSet(new URL(config.jwksUrl));

// Rejects calls without a valid bearer token before any handler runs.
export const authInterceptor: grpc.ServerInterceptor = (methodDescriptor, call) =>
  new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          const header = metadata.get('authorization')[0];
          if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token', metadata: new grpc.Metadata() });
            return;
          }
          jwtVerify(header.slice(7), jwks, {
            issuer: config.issuer,
            audience: config.audience,
            algorithms: ['RS256'],
            requiredClaims: ['exp', 'sub', 'jti'],
          }).then(
            () => mdNext(metadata),
            (err) => call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: `invalid token: ${err.code}`, metadata: new grpc.Metadata() }),
          );
        },
      });
    },
  });

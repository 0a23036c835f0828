import * as grpc from '@grpc/grpc-js';
import { bearerOf, verifyFanToken } from './tokens';
import { revocations } from './revocations';

// Verifies the fan's JWT before any handler runs and hands the verified claims
// to the handler through a metadata key that clients cannot set (it is
// stripped first).
export const VERIFIED_CLAIMS_KEY = 'x-waitroom-verified-claims';

export const authInterceptor: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          metadata.remove(VERIFIED_CLAIMS_KEY);
          const raw = bearerOf(metadata.get('authorization'));
          if (!raw) {
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token', metadata: new grpc.Metadata() });
            return;
          }
          verifyFanToken(raw)
            .then((claims) => {
              if (revocations.isRevoked(claims.jti, claims.sub)) {
                call.sendStatus({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked', metadata: new grpc.Metadata() });
                return;
              }
              metadata.set(VERIFIED_CLAIMS_KEY, JSON.stringify({ ...claims, scopes: [...claims.scopes] }));
              mdNext(metadata);
            })
            .catch((err: Error) => {
              call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: `token rejected: ${err.message}`, metadata: new grpc.Metadata() });
            });
        },
      });
    },
  });

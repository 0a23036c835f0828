import * as grpc from '@grpc/grpc-js';
import { CLAIMS_KEY, isRevoked, verifyBearer } from './claims';

export const authInterceptor: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          metadata.remove(CLAIMS_KEY);
          verifyBearer(metadata)
            .then(async (claims) => {
              if (await isRevoked(claims.jti)) {
                call.sendStatus({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked' });
                return;
              }
              metadata.set(CLAIMS_KEY, JSON.stringify(claims));
              mdNext(metadata);
            })
            .catch((err: Error) => {
              call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: err.message });
            });
        },
      });
    },
  });

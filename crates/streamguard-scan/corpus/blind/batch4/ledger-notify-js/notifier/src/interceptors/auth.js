import grpc from '@grpc/grpc-js';
import { jwtVerify, importSPKI } from 'jose';
import { readFileSync } from 'node:fs';

const publicKey = await importSPKI(readFileSync(process.env.LEDGER_JWT_PUBKEY ?? '/etc/ledger/jwt.pub', 'utf8'), 'ES256');

/** Claims of the caller, keyed by the server call object (set by the interceptor). */
export const claimsByCall = new WeakMap();

export function authInterceptor(methodDescriptor, call) {
  const listener = new grpc.ServerListenerBuilder()
    .withOnReceiveMetadata(async (metadata, next) => {
      const [auth] = metadata.get('authorization');
      if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
        call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token' });
        return;
      }
      try {
        const { payload } = await jwtVerify(auth.slice(7), publicKey, {
          algorithms: ['ES256'],
          audience: 'ledger-feed',
          clockTolerance: 1,
        });
        metadata.set('x-ledger-sub', String(payload.sub));
        metadata.set('x-ledger-jti', String(payload.jti ?? ''));
        metadata.set('x-ledger-accounts', (payload.accounts ?? []).join(','));
        next(metadata);
      } catch (err) {
        call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: `invalid token: ${err.code ?? err.message}` });
      }
    })
    .build();
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next(listener);
    },
  });
}

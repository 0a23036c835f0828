import * as grpc from '@grpc/grpc-js';
import { jwtVerify, importSPKI, type JWTPayload } from 'jose';

export interface FxClaims extends JWTPayload {
  sub: string;
  jti: string;
  exp: number;
  pairs: string[];
}

const keyPromise = importSPKI(process.env.FX_JWT_PUBLIC_KEY ?? '', 'ES256');
const byMetadata = new WeakMap<grpc.Metadata, FxClaims>();

export function claimsFor(md: grpc.Metadata): FxClaims {
  const c = byMetadata.get(md);
  if (!c) throw new Error('unauthenticated call reached a handler');
  return c;
}

export function authenticate(_method: grpc.ServerMethodDefinition<any, any>, call: grpc.ServerInterceptingCallInterface) {
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(md, mdNext) {
          const raw = md.get('authorization')[0];
          if (typeof raw !== 'string' || !raw.startsWith('Bearer ')) {
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token', metadata: new grpc.Metadata() });
            return;
          }
          keyPromise
            .then((key) => jwtVerify(raw.slice(7), key, { audience: 'fx-streamer', requiredClaims: ['exp', 'jti', 'sub'], clockTolerance: 1 }))
            .then(({ payload }) => {
              byMetadata.set(md, payload as FxClaims);
              mdNext(md);
            })
            .catch(() => call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'invalid_token', metadata: new grpc.Metadata() }));
        },
      });
    },
  });
}

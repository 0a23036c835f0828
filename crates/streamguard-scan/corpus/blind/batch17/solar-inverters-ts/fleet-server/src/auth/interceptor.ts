import {
  InterceptingListener,
  Metadata,
  ServerInterceptingCall,
  ServerInterceptor,
  status,
} from '@grpc/grpc-js';
import { jwtVerify } from 'jose';
import { config } from '../config';

export interface OperatorClaims {
  sub: string;
  sites: string[];
  scopes: string[];
  exp: number;
}

const CLAIMS_KEY = 'x-fleet-claims';

// Verifies the JWT when the call starts and passes the claims to handlers in the metadata.
export const jwtInterceptor: ServerInterceptor = (_methodDescriptor, call) =>
  new ServerInterceptingCall(call, {
    start: (next) => {
      next({
        onReceiveMetadata: (metadata: Metadata, mdNext: (md: Metadata) => void) => {
          const header = metadata.get('authorization')[0];
          if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
            call.sendStatus({ code: status.UNAUTHENTICATED, details: 'missing bearer token', metadata: new Metadata() });
            return;
          }
          jwtVerify(header.slice(7), config.jwtSecret, {
            issuer: config.issuer,
            audience: config.audience,
            algorithms: ['HS256'],
            clockTolerance: 1,
          })
            .then(({ payload }) => {
              const claims: OperatorClaims = {
                sub: String(payload.sub),
                sites: (payload.sites as string[]) ?? [],
                scopes: String(payload.scope ?? '').split(' ').filter(Boolean),
                exp: Number(payload.exp),
              };
              metadata.set(CLAIMS_KEY, JSON.stringify(claims));
              mdNext(metadata);
            })
            .catch(() => {
              call.sendStatus({ code: status.UNAUTHENTICATED, details: 'invalid token', metadata: new Metadata() });
            });
        },
      } as InterceptingListener);
    },
  });

export function claimsOf(metadata: Metadata): OperatorClaims {
  return JSON.parse(String(metadata.get(CLAIMS_KEY)[0]));
}

export function canControl(claims: OperatorClaims, siteId: string): boolean {
  return claims.scopes.includes('curtail:write') && claims.sites.includes(siteId);
}

import * as grpc from '@grpc/grpc-js';
import { createHmac, timingSafeEqual } from 'crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config';

export interface Principal {
  kind: 'user' | 'device';
  sub: string;
  jti?: string;
  exp: number;
  scopes: string[];
  branches: string[];
  vin?: string;
}

const JWKS = createRemoteJWKSet(new URL(config.jwksUrl));
export const PRINCIPAL_HEADER = 'x-fleet-principal';

// Device tokens: base64url(json({vin, exp})) + '.' + hex(hmac)
export function verifyDeviceToken(token: string, now = Date.now()): Principal {
  const [body, mac] = token.split('.');
  if (!body || !mac) throw new Error('malformed device token');
  const expected = createHmac('sha256', config.deviceKeySecret).update(body).digest();
  const given = Buffer.from(mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('bad device token');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < now) throw new Error('device token expired');
  return { kind: 'device', sub: `tcu:${claims.vin}`, vin: claims.vin, exp: claims.exp, scopes: ['uplink'], branches: [] };
}

async function verifyUserToken(token: string): Promise<Principal> {
  const { payload } = await jwtVerify(token, JWKS, { issuer: config.issuer, audience: config.audience, algorithms: ['RS256'] });
  return {
    kind: 'user',
    sub: String(payload.sub),
    jti: payload.jti,
    exp: Number(payload.exp),
    scopes: String(payload.scope ?? '').split(' ').filter(Boolean),
    branches: (payload.branches as string[]) ?? [],
  };
}

async function principalFrom(metadata: grpc.Metadata): Promise<Principal> {
  const device = metadata.get('x-tcu-token')[0];
  if (typeof device === 'string') return verifyDeviceToken(device);
  const auth = metadata.get('authorization')[0];
  if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) throw new Error('missing credentials');
  return verifyUserToken(auth.slice(7));
}

// Verifies the caller once when the call starts and hands the principal to the handler in a
// server-set metadata entry (any client-sent value is removed first).
export const authInterceptor: grpc.ServerInterceptor = (methodDescriptor, call) => {
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          metadata.remove(PRINCIPAL_HEADER);
          principalFrom(metadata)
            .then((p) => {
              metadata.set(PRINCIPAL_HEADER, JSON.stringify(p));
              mdNext(metadata);
            })
            .catch((err: Error) => {
              call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: err.message, metadata: new grpc.Metadata() });
            });
        },
      });
    },
  });
};

export function principalOf(call: { metadata: grpc.Metadata }): Principal {
  const raw = call.metadata.get(PRINCIPAL_HEADER)[0];
  if (typeof raw !== 'string') throw new Error('no principal (interceptor not installed?)');
  return JSON.parse(raw) as Principal;
}

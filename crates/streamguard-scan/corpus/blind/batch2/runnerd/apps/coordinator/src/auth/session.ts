import * as grpc from '@grpc/grpc-js';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import Redis from 'ioredis';
import { config } from '../config.js';

const runnerKey = new TextEncoder().encode(config.runnerJwtSecret);
const userJwks = createRemoteJWKSet(new URL(config.userJwksUrl));
const revocations = new Redis(config.redisUrl);

export interface RunnerClaims extends JWTPayload {
  sub: string;
  pool: string;
  exp: number;
  jti: string;
}

export interface UserClaims extends JWTPayload {
  sub: string;
  pools: string[];
}

function bearer(md: grpc.Metadata): string {
  const [v] = md.get('authorization');
  if (typeof v !== 'string' || !v.startsWith('Bearer ')) {
    throw Object.assign(new Error('missing bearer token'), { code: grpc.status.UNAUTHENTICATED });
  }
  return v.slice(7);
}

export async function verifyRunner(md: grpc.Metadata): Promise<RunnerClaims> {
  const { payload } = await jwtVerify(bearer(md), runnerKey, { algorithms: ['HS256'], audience: 'runnerd' });
  if (await revocations.sismember('runnerd:revoked', String(payload.jti))) {
    throw Object.assign(new Error('runner token revoked'), { code: grpc.status.PERMISSION_DENIED });
  }
  return payload as RunnerClaims;
}

export async function verifyUser(md: grpc.Metadata): Promise<UserClaims> {
  const { payload } = await jwtVerify(bearer(md), userJwks, { audience: 'runnerd-ui' });
  return payload as UserClaims;
}

type Killable = { destroy(err?: Partial<grpc.StatusObject>): void };

/**
 * Ends the call when the runner token expires or when its jti is revoked.
 * Returns a disposer that must be called when the call finishes.
 */
export function guardRunnerSession(call: Killable, claims: RunnerClaims): () => void {
  const expTimer = setTimeout(() => {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'token_expired' });
  }, Math.max(0, claims.exp * 1000 - Date.now()));

  const sub = revocations.duplicate();
  sub.subscribe('runnerd:revocations').catch(() => undefined);
  sub.on('message', (_channel, jti) => {
    if (jti === claims.jti || jti === `sub:${claims.sub}`) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked' });
    }
  });

  return () => {
    clearTimeout(expTimer);
    sub.disconnect();
  };
}

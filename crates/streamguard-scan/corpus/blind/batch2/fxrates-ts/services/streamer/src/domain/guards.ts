import * as grpc from '@grpc/grpc-js';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { FxClaims } from '../grpc/authInterceptor.js';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/3');
const revocationSub = redis.duplicate();
const live = new Map<string, Set<(reason: string) => void>>();

revocationSub.subscribe('fx:revoked').catch((e) => console.error('revocation feed', e));
revocationSub.on('message', (_ch, key: string) => {
  for (const kill of live.get(key) ?? []) kill('token_revoked');
});

export const quotesPerIdentity = new RateLimiterRedis({
  storeClient: redis,
  keyPrefix: 'fx:quotes',
  points: 30,
  duration: 1,
});

type Endable = { destroy(e?: Partial<grpc.StatusObject>): void; on(ev: string, fn: () => void): unknown };

/** Ends the call at token expiry, on revocation, after maxMs, and after idleMs without inbound traffic. */
export function guard(call: Endable, claims: FxClaims, opts: { maxMs: number; idleMs?: number }) {
  const timers: NodeJS.Timeout[] = [];
  const end = (code: grpc.status, details: string) => call.destroy({ code, details });

  timers.push(setTimeout(() => end(grpc.status.UNAUTHENTICATED, 'token_expired'), Math.max(0, claims.exp * 1000 - Date.now())));
  timers.push(setTimeout(() => end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'), opts.maxMs));

  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    if (!opts.idleMs) return;
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => end(grpc.status.UNAVAILABLE, 'idle_timeout'), opts.idleMs);
  };
  touch();

  const onRevoked = () => end(grpc.status.PERMISSION_DENIED, 'token_revoked');
  for (const key of [`jti:${claims.jti}`, `sub:${claims.sub}`]) {
    if (!live.has(key)) live.set(key, new Set());
    live.get(key)!.add(onRevoked);
  }

  const release = () => {
    timers.forEach(clearTimeout);
    if (idle) clearTimeout(idle);
    for (const key of [`jti:${claims.jti}`, `sub:${claims.sub}`]) live.get(key)?.delete(onRevoked);
  };
  call.on('cancelled', release);
  call.on('close', release);
  call.on('finish', release);
  return { touch, release };
}

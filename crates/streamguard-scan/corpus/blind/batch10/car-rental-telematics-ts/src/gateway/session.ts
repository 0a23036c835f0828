import * as grpc from '@grpc/grpc-js';
import Redis from 'ioredis';
import { config } from './config';
import { Principal } from './interceptors/auth';

type Destroyable = { destroy(err?: Partial<grpc.StatusObject>): void; on(ev: string, fn: () => void): unknown };

const sub = new Redis(config.redisUrl);
const live = new Set<RentalSession>();
sub.subscribe('fleet:revocations');
sub.on('message', (_channel, payload) => {
  const r = JSON.parse(payload) as { jti?: string; sub?: string };
  for (const s of live) {
    if ((r.jti && r.jti === s.principal.jti) || (r.sub && r.sub === s.principal.sub)) {
      s.close(grpc.status.PERMISSION_DENIED, 'token_revoked');
    }
  }
});

// Per-call session for user streams: ends the call at exp and on a pushed revocation.
export class RentalSession {
  private expiry: NodeJS.Timeout;
  private cleanups: Array<() => void> = [];
  closed = false;

  constructor(private call: Destroyable, readonly principal: Principal) {
    this.expiry = setTimeout(() => this.close(grpc.status.UNAUTHENTICATED, 'token_expired'), principal.exp * 1000 - Date.now() + 500);
    live.add(this);
    call.on('cancelled', () => this.dispose());
    call.on('close', () => this.dispose());
  }

  onClose(fn: () => void) {
    this.cleanups.push(fn);
  }

  close(code: grpc.status, details: string) {
    if (this.closed) return;
    this.call.destroy({ code, details });
    this.dispose();
  }

  dispose() {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.expiry);
    live.delete(this);
    this.cleanups.splice(0).forEach((fn) => fn());
  }
}

const redis = new Redis(config.redisUrl);
export async function withinRate(key: string, perMinute: number): Promise<boolean> {
  const k = `fleet:rl:${key}:${Math.floor(Date.now() / 60000)}`;
  const n = await redis.incr(k);
  if (n === 1) await redis.expire(k, 61);
  return n <= perMinute;
}

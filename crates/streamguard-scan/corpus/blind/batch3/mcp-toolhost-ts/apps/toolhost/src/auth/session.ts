import { status } from '@grpc/grpc-js';
import Redis from 'ioredis';
import { EventEmitter } from 'node:events';
import { Claims } from './jwt';

type Destroyable = {
  destroy(err?: any): void;
  on(event: string, fn: (...args: any[]) => void): unknown;
};

export class RevocationFeed extends EventEmitter {
  private readonly sub: Redis;

  constructor(redisUrl: string) {
    super();
    this.setMaxListeners(0);
    this.sub = new Redis(redisUrl);
    this.sub.subscribe('toolhost:revocations').catch((err) => this.emit('feed-error', err));
    this.sub.on('message', (_channel, raw) => {
      const { jti, sub } = JSON.parse(raw);
      if (jti) this.emit(`jti:${jti}`);
      if (sub) this.emit(`sub:${sub}`);
    });
  }

  watch(claims: Claims, onRevoked: () => void): () => void {
    this.once(`jti:${claims.jti}`, onRevoked);
    this.once(`sub:${claims.sub}`, onRevoked);
    return () => {
      this.off(`jti:${claims.jti}`, onRevoked);
      this.off(`sub:${claims.sub}`, onRevoked);
    };
  }
}

export interface StreamSession {
  close(): void;
}

export function openSession(call: Destroyable, claims: Claims, feed: RevocationFeed, leewayMs: number): StreamSession {
  const untilExpiry = claims.exp * 1000 + leewayMs - Date.now();
  const expiry = setTimeout(() => {
    call.destroy({ code: status.UNAUTHENTICATED, details: 'token_expired' });
  }, Math.max(0, untilExpiry));

  const unwatch = feed.watch(claims, () => {
    call.destroy({ code: status.PERMISSION_DENIED, details: 'token_revoked' });
  });

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(expiry);
    unwatch();
  };
  call.on('cancelled', close);
  call.on('close', close);
  call.on('error', close);
  return { close };
}

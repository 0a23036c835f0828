import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import { config } from './config';

// Revocations are published by the identity service on a Redis channel and
// kept here so that open streams can be ended at once.
class Revocations extends EventEmitter {
  private jtis = new Set<string>();
  private subs = new Set<string>();

  start(): void {
    const sub = new Redis(config.redisUrl);
    sub.subscribe('identity:revocations').catch((err) => this.emit('error', err));
    sub.on('message', (_ch, payload) => {
      const ev = JSON.parse(payload) as { jti?: string; sub?: string };
      if (ev.jti) this.jtis.add(ev.jti);
      if (ev.sub) this.subs.add(ev.sub);
      this.emit('revoked', ev);
    });
  }

  isRevoked(jti: string, sub: string): boolean {
    return this.jtis.has(jti) || this.subs.has(sub);
  }
}

export const revocations = new Revocations();
revocations.setMaxListeners(0);

import { EventEmitter } from 'node:events';
import Redis from 'ioredis';

// Revocations are published by the identity service on `range:revocations`
// as {"jti": "..."} or {"sub": "..."}; every live guard listens here.
export class RevocationFeed extends EventEmitter {
  constructor(url) {
    super();
    this.setMaxListeners(0);
    this.revokedJti = new Set();
    this.revokedSub = new Set();
    this.sub = new Redis(url);
    this.sub.subscribe('range:revocations');
    this.sub.on('message', (_ch, payload) => {
      const ev = JSON.parse(payload);
      if (ev.jti) this.revokedJti.add(ev.jti);
      if (ev.sub) this.revokedSub.add(ev.sub);
      this.emit('revoked', ev);
    });
  }

  isRevoked(claims) {
    return this.revokedJti.has(claims.jti) || this.revokedSub.has(claims.sub);
  }
}

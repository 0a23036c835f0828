import { EventEmitter } from "node:events";
import type Redis from "ioredis";

export interface Revocation { jti?: string; sub?: string; }

// Pushed over Redis pub/sub by the identity admin; new streams also consult the set.
export class RevocationFeed extends EventEmitter {
  private readonly revoked = new Set<string>();

  constructor(sub: Redis, store: Redis) {
    super();
    this.setMaxListeners(0);
    store.smembers("edc:revoked").then((ids) => ids.forEach((id) => this.revoked.add(id)));
    sub.subscribe("edc:revocations");
    sub.on("message", (_ch, raw) => {
      const ev = JSON.parse(raw) as Revocation;
      if (ev.jti) this.revoked.add(ev.jti);
      if (ev.sub) this.revoked.add(`sub:${ev.sub}`);
      this.emit("revoked", ev);
    });
  }

  isRevoked(jti: string, sub: string): boolean {
    return this.revoked.has(jti) || this.revoked.has(`sub:${sub}`);
  }
}

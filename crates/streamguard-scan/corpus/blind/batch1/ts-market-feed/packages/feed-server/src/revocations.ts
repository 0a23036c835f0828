import { EventEmitter } from "node:events";
import Redis from "ioredis";

export interface RevocationEvent {
  jti?: string;
  sub?: string;
}

class RevocationFeed extends EventEmitter {
  private readonly revokedJti = new Set<string>();
  private readonly revokedSub = new Set<string>();

  constructor() {
    super();
    this.setMaxListeners(0);
  }

  connect(url: string): void {
    const sub = new Redis(url);
    sub.subscribe("auth:revocations").catch((err) => this.emit("error", err));
    sub.on("message", (_channel, raw) => {
      const ev = JSON.parse(raw) as RevocationEvent;
      if (ev.jti) this.revokedJti.add(ev.jti);
      if (ev.sub) this.revokedSub.add(ev.sub);
      this.emit("revoked", ev);
    });
  }

  isRevoked(jti: string, sub: string): boolean {
    return this.revokedJti.has(jti) || this.revokedSub.has(sub);
  }
}

export const revocations = new RevocationFeed();

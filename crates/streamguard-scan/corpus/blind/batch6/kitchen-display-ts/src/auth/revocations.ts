import Redis from "ioredis";
import { EventEmitter } from "node:events";

// Revocations are published by the back-office (staff offboarding, stolen
// tablet) on `kds:revocations` as JSON {jti?, sub?}. Every session listens.
export class RevocationFeed extends EventEmitter {
  private readonly sub: Redis;
  private readonly revokedJti = new Set<string>();
  private readonly revokedSub = new Set<string>();

  constructor(url: string) {
    super();
    this.setMaxListeners(0);
    this.sub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.sub.subscribe("kds:revocations").catch((err) => this.emit("error", err));
    this.sub.on("message", (_channel: string, raw: string) => {
      let msg: { jti?: string; sub?: string };
      try {
        msg = JSON.parse(raw);
      } catch {
        return;
      }
      if (msg.jti) this.revokedJti.add(msg.jti);
      if (msg.sub) this.revokedSub.add(msg.sub);
      this.emit("revoked", msg);
    });
  }

  isRevoked(jti: string, sub: string): boolean {
    return this.revokedJti.has(jti) || this.revokedSub.has(sub);
  }
}

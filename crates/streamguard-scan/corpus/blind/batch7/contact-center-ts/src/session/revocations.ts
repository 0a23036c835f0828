import { EventEmitter } from "node:events";
import Redis from "ioredis";

/**
 * Revocations pushed by the identity service on the `revocations` channel as JSON
 * `{"jti": "..."}` or `{"sub": "..."}`. Every live session listens here.
 */
export class RevocationFeed extends EventEmitter {
  private sub?: Redis;

  constructor(private readonly url: string) {
    super();
    this.setMaxListeners(0);
  }

  async start(): Promise<void> {
    this.sub = new Redis(this.url);
    await this.sub.subscribe("revocations");
    this.sub.on("message", (_channel, text) => {
      try {
        const evt = JSON.parse(text) as { jti?: string; sub?: string };
        this.emit("revoked", evt);
      } catch {
        /* malformed event: ignore */
      }
    });
  }
}

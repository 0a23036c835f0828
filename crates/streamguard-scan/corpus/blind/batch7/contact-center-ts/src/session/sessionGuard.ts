import * as grpc from "@grpc/grpc-js";
import type { AgentClaims } from "../auth/verify";
import type { RevocationFeed } from "./revocations";

type Destroyable = { destroy(err?: Error | Partial<grpc.StatusObject>): void; on(ev: string, fn: () => void): unknown };

/**
 * Ends a streaming call when its token expires or is revoked. One per stream.
 */
export class SessionGuard {
  private expiryTimer?: NodeJS.Timeout;
  private readonly onRevoked: (evt: { jti?: string; sub?: string }) => void;
  readonly abort = new AbortController();

  constructor(private readonly call: Destroyable, readonly claims: AgentClaims, private readonly feed: RevocationFeed) {
    this.onRevoked = (evt) => {
      if (evt.jti === claims.jti || evt.sub === claims.sub) this.end(grpc.status.PERMISSION_DENIED, "token_revoked");
    };
  }

  start(): this {
    const ms = this.claims.exp * 1000 - Date.now();
    if (ms <= 0) {
      this.end(grpc.status.UNAUTHENTICATED, "token_expired");
      return this;
    }
    this.expiryTimer = setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, "token_expired"), ms);
    this.feed.on("revoked", this.onRevoked);
    this.call.on("cancelled", () => this.dispose());
    this.call.on("close", () => this.dispose());
    return this;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  end(code: grpc.status, details: string): void {
    this.dispose();
    this.call.destroy({ code, details });
  }

  dispose(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.feed.off("revoked", this.onRevoked);
    if (!this.abort.signal.aborted) this.abort.abort();
  }
}

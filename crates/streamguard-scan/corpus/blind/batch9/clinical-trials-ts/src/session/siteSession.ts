// One per streaming call: ends the call at exp, on revocation, at the maximum
// lifetime and after an idle period; owns the AbortController for downstream work.
import * as grpc from "@grpc/grpc-js";
import type { Config } from "../infra/config";
import type { IdentityLimiter } from "../infra/limiter";
import { CLAIMS_HEADER } from "./authInterceptor";
import type { RevocationFeed, Revocation } from "./revocations";

type AnyCall = grpc.ServerWritableStream<any, any> | grpc.ServerDuplexStream<any, any> | grpc.ServerReadableStream<any, any>;

export interface Claims { sub: string; jti: string; exp: number; scope?: string; sites?: string[]; }

export class SiteSession {
  readonly claims: Claims;
  readonly abort = new AbortController();
  private readonly scopes: Set<string>;
  private readonly timers: NodeJS.Timeout[] = [];
  private idle?: NodeJS.Timeout;
  private ended = false;
  private readonly onRevoked = (ev: Revocation) => {
    if (ev.jti === this.claims.jti || ev.sub === this.claims.sub) this.end(grpc.status.PERMISSION_DENIED, "token_revoked");
  };

  constructor(private readonly call: AnyCall, private readonly cfg: Config, private readonly feed: RevocationFeed, private readonly limiter: IdentityLimiter) {
    this.claims = JSON.parse(String(call.metadata.get(CLAIMS_HEADER)[0] ?? "{}")) as Claims;
    this.scopes = new Set((this.claims.scope ?? "").split(" ").filter(Boolean));
    if (!this.claims.sub || feed.isRevoked(this.claims.jti, this.claims.sub)) {
      this.end(grpc.status.PERMISSION_DENIED, "token_revoked");
      return;
    }
    this.timers.push(setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, "token_expired"), this.claims.exp * 1000 - Date.now() + 500));
    this.timers.push(setTimeout(() => this.end(grpc.status.UNAVAILABLE, "max_stream_lifetime"), cfg.maxStreamMs));
    this.touch();
    feed.on("revoked", this.onRevoked);
    call.on("cancelled", () => this.dispose());
    call.on("close", () => this.dispose());
  }

  get active(): boolean {
    return !this.ended;
  }

  touch(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.end(grpc.status.UNAVAILABLE, "idle_timeout"), this.cfg.idleMs);
  }

  hasScope(scope: string): boolean {
    return this.scopes.has(scope);
  }

  coversSite(siteId: string): boolean {
    return (this.claims.sites ?? []).includes(siteId);
  }

  async admit(): Promise<boolean> {
    if (await this.limiter.allow(this.claims.sub)) return true;
    this.end(grpc.status.RESOURCE_EXHAUSTED, "rate_limit_exceeded");
    return false;
  }

  // Signal for downstream HTTP work: aborted when the stream ends, and when the
  // caller's deadline passes.
  signal(): AbortSignal {
    const deadline = this.call.getDeadline();
    const at = deadline instanceof Date ? deadline.getTime() : Number(deadline);
    if (!Number.isFinite(at)) return this.abort.signal;
    return AbortSignal.any([this.abort.signal, AbortSignal.timeout(Math.max(0, at - Date.now()))]);
  }

  callOptions(): Partial<grpc.CallOptions> {
    return { parent: this.call as unknown as grpc.ServerUnaryCall<unknown, unknown> };
  }

  end(code: grpc.status, details: string): void {
    if (this.ended) return;
    this.dispose();
    this.call.destroy({ code, details } as unknown as Error);
  }

  dispose(): void {
    if (this.ended) return;
    this.ended = true;
    this.timers.forEach(clearTimeout);
    if (this.idle) clearTimeout(this.idle);
    this.feed.off("revoked", this.onRevoked);
    this.abort.abort();
  }
}

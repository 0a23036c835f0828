import * as grpc from "@grpc/grpc-js";
import { bearerOf, verified, type Claims } from "../auth/interceptor";
import { isRevoked, revocations } from "./revocations";
import { config } from "../config";

type AnyCall = grpc.ServerWritableStream<any, any> | grpc.ServerDuplexStream<any, any>;

// One RoastGuard per stream: ends it at token expiry, on a pushed
// revocation, at the maximum lifetime, after idling, and at the caller's
// deadline. `signal` aborts on any of those and on client cancel.
export class RoastGuard {
  readonly signal: AbortSignal;
  private readonly ac = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private idle?: NodeJS.Timeout;
  private readonly deadlineMs: number;
  private done = false;

  private constructor(private readonly call: AnyCall, readonly claims: Claims) {
    this.signal = this.ac.signal;
    const dl = call.getDeadline();
    this.deadlineMs = dl instanceof Date ? dl.getTime() : Number.POSITIVE_INFINITY;

    this.after(claims.exp * 1000 - Date.now(), grpc.status.UNAUTHENTICATED, "token_expired");
    this.after(config.maxStreamLifetimeMs, grpc.status.UNAVAILABLE, "max_stream_lifetime");
    if (Number.isFinite(this.deadlineMs)) {
      this.after(this.deadlineMs - Date.now(), grpc.status.DEADLINE_EXCEEDED, "deadline_exceeded");
    }
    this.touch();

    const onRevoked = (ev: { jti?: string; sub?: string }) => {
      if (ev.jti === claims.jti || ev.sub === claims.sub) this.end(grpc.status.PERMISSION_DENIED, "token_revoked");
    };
    revocations.on("revoked", onRevoked);
    this.ac.signal.addEventListener("abort", () => revocations.off("revoked", onRevoked));

    call.on("cancelled", () => this.release());
    call.on("close", () => this.release());
  }

  static async open(call: AnyCall): Promise<RoastGuard | undefined> {
    const token = bearerOf(call.metadata);
    const claims = token ? verified.get(token) : undefined;
    if (!claims) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: "unauthenticated" } as any);
      return undefined;
    }
    if (await isRevoked(claims.jti, claims.sub)) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: "token_revoked" } as any);
      return undefined;
    }
    call.on("close", () => verified.delete(token!));
    return new RoastGuard(call, claims);
  }

  hasScope(s: string): boolean {
    return (this.claims.scope ?? "").split(" ").includes(s);
  }

  ownsRoaster(id: string): boolean {
    return (this.claims.roasters ?? []).includes(id);
  }

  remainingMs(fallbackMs: number): number {
    return Number.isFinite(this.deadlineMs) ? Math.max(this.deadlineMs - Date.now(), 0) : fallbackMs;
  }

  touch(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.end(grpc.status.UNAVAILABLE, "idle_timeout"), config.idleTimeoutMs);
  }

  get closed(): boolean {
    return this.done;
  }

  end(code: grpc.status, details: string): void {
    if (this.done) return;
    this.release();
    this.call.destroy({ code, details } as any);
  }

  release(): void {
    if (this.done) return;
    this.done = true;
    for (const t of this.timers) clearTimeout(t);
    if (this.idle) clearTimeout(this.idle);
    this.ac.abort();
  }

  private after(ms: number, code: grpc.status, details: string): void {
    this.timers.push(setTimeout(() => this.end(code, details), Math.max(ms, 0)));
  }
}

import { EventEmitter } from "node:events";
import * as grpc from "@grpc/grpc-js";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { Redis } from "ioredis";

const jwks = createRemoteJWKSet(new URL(process.env.AUCTION_JWKS_URL ?? "https://id.auction.example/.well-known/jwks.json"));

// Revocations are published by the identity service on a Redis channel and fanned out
// to every open session of this process.
const revocations = new EventEmitter();
revocations.setMaxListeners(0);
const sub = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
sub.subscribe("bidder-revocations").catch(() => undefined);
sub.on("message", (_channel: string, raw: string) => {
  try {
    const { jti, sub: subject } = JSON.parse(raw) as { jti?: string; sub?: string };
    if (jti) revocations.emit(`jti:${jti}`);
    if (subject) revocations.emit(`sub:${subject}`);
  } catch { /* ignore malformed revocation */ }
});

type AnyCall = grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown> | grpc.ServerReadableStream<unknown, unknown>;

export class BidderSession {
  readonly controller = new AbortController();
  private timer?: NodeJS.Timeout;
  private readonly onRevoke = () => this.end(grpc.status.PERMISSION_DENIED, "token_revoked");

  private constructor(private readonly call: AnyCall, readonly claims: JWTPayload & { paddles?: string[]; scope?: string }) {}

  get signal(): AbortSignal { return this.controller.signal; }
  get subject(): string { return String(this.claims.sub); }

  static async open(call: AnyCall): Promise<BidderSession | null> {
    const header = call.metadata.get("authorization")[0];
    if (typeof header !== "string" || !header.startsWith("Bearer ")) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: "missing bearer token" } as grpc.ServiceError);
      return null;
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(header.slice(7), jwks, { audience: "auction-house", clockTolerance: 1, requiredClaims: ["exp", "sub", "jti"] }));
    } catch (err) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: `invalid token: ${(err as Error).message}` } as grpc.ServiceError);
      return null;
    }
    const session = new BidderSession(call, payload);
    session.arm();
    return session;
  }

  private arm(): void {
    const ms = (this.claims.exp ?? 0) * 1000 - Date.now();
    this.timer = setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, "token_expired"), Math.max(0, ms));
    revocations.on(`jti:${this.claims.jti}`, this.onRevoke);
    revocations.on(`sub:${this.claims.sub}`, this.onRevoke);
    this.call.on("cancelled", () => this.close());
    this.call.on("close", () => this.close());
  }

  end(code: grpc.status, details: string): void {
    this.close();
    this.call.destroy({ code, details } as grpc.ServiceError);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    revocations.off(`jti:${this.claims.jti}`, this.onRevoke);
    revocations.off(`sub:${this.claims.sub}`, this.onRevoke);
    this.controller.abort();
  }
}

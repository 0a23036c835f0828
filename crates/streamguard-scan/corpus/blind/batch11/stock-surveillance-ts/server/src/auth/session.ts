import * as grpc from "@grpc/grpc-js";
import Redis from "ioredis";
import { config } from "../config";
import type { AnalystClaims } from "./interceptor";

type Closable = { destroy(err?: Partial<grpc.StatusObject> & Error): void; on(ev: string, fn: () => void): unknown };

const sub = new Redis(config.redisUrl);
const live = new Map<string, Set<AlertSession>>();

// Revocations are published by the IAM service on `surveillance:revoked` as "jti:<id>" or "sub:<id>".
sub.subscribe("surveillance:revoked").catch((e) => console.error("revocation feed", e));
sub.on("message", (_channel: string, key: string) => {
  for (const s of live.get(key) ?? []) s.end(grpc.status.PERMISSION_DENIED, "token_revoked");
});

function statusError(code: grpc.status, details: string) {
  return Object.assign(new Error(details), { code, details });
}

export class AlertSession {
  private expTimer: NodeJS.Timeout;
  private ended = false;

  constructor(private call: Closable, readonly claims: AnalystClaims) {
    const ms = claims.exp * 1000 - Date.now();
    this.expTimer = setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, "token_expired"), Math.max(0, ms));
    for (const k of this.keys()) {
      if (!live.has(k)) live.set(k, new Set());
      live.get(k)!.add(this);
    }
    call.on("cancelled", () => this.close());
    call.on("close", () => this.close());
  }

  private keys() {
    return [`jti:${this.claims.jti}`, `sub:${this.claims.sub}`];
  }

  get isOpen() {
    return !this.ended;
  }

  deskAllowed(desk: string) {
    return this.claims.desks.includes(desk);
  }

  end(code: grpc.status, details: string) {
    if (this.ended) return;
    this.call.destroy(statusError(code, details));
    this.close();
  }

  close() {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.expTimer);
    for (const k of this.keys()) live.get(k)?.delete(this);
  }
}

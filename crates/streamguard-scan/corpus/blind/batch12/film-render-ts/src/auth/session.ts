import * as grpc from "@grpc/grpc-js";
import Redis from "ioredis";
import { EventEmitter } from "node:events";
import { config } from "../config";

type Closable = {
  destroy(err?: Partial<grpc.StatusObject>): void;
  on(ev: "cancelled" | "close", fn: () => void): unknown;
  getDeadline(): grpc.Deadline;
};

// Revocations are published by the identity service on "render:revoked" as
// "jti:<id>" or "sub:<id>"; every coordinator instance subscribes once.
const revocations = new EventEmitter();
revocations.setMaxListeners(0);
let subscribed = false;

export function startRevocationFeed(): void {
  if (subscribed) return;
  subscribed = true;
  const sub = new Redis(config.redisUrl);
  sub.subscribe("render:revoked");
  sub.on("message", (_channel: string, key: string) => revocations.emit(key));
}

// Ties a streaming call to its artist token: ends it at exp, on revocation,
// and exposes an AbortSignal that fires on cancel or at the caller's deadline.
export class RenderSession {
  readonly signal: AbortSignal;
  private readonly ac = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly onRevoke = () => this.end(grpc.status.PERMISSION_DENIED, "token_revoked");

  constructor(private readonly call: Closable, readonly sub: string, readonly jti: string, exp: number) {
    this.signal = this.ac.signal;
    this.timers.push(setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, "token_expired"), exp * 1000 - Date.now()));
    const deadline = call.getDeadline();
    if (deadline !== Infinity) {
      const at = deadline instanceof Date ? deadline.getTime() : Number(deadline);
      this.timers.push(setTimeout(() => this.ac.abort(new Error("deadline")), Math.max(0, at - Date.now())));
    }
    revocations.on(`jti:${jti}`, this.onRevoke);
    revocations.on(`sub:${sub}`, this.onRevoke);
    call.on("cancelled", () => this.cleanup());
    call.on("close", () => this.cleanup());
  }

  end(code: grpc.status, details: string): void {
    this.cleanup();
    this.call.destroy({ code, details });
  }

  private cleanup(): void {
    this.timers.forEach(clearTimeout);
    revocations.off(`jti:${this.jti}`, this.onRevoke);
    revocations.off(`sub:${this.sub}`, this.onRevoke);
    if (!this.ac.signal.aborted) this.ac.abort(new Error("stream closed"));
  }
}

import * as grpc from "@grpc/grpc-js";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { onRevocation } from "./revocations.js";

const JWKS = createRemoteJWKSet(new URL(process.env.POD_JWKS ?? "https://auth.pod.example/jwks.json"));
const MAX_LIFETIME_MS = Number(process.env.POD_MAX_STREAM_MS ?? 20 * 60_000);
const IDLE_MS = Number(process.env.POD_IDLE_MS ?? 120_000);

export interface Claims extends JWTPayload { shows?: string[]; scope?: string }

type Call = grpc.ServerWritableStream<any, any> | grpc.ServerReadableStream<any, any>;

/**
 * Everything a streaming handler needs to stay honest for the life of the stream:
 * the token ends the stream at exp or on a pushed revocation, the stream has a maximum
 * lifetime and an idle timer, and `signal` aborts downstream work on any of those or on cancel.
 */
export class StreamGuard {
  private readonly ac = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private idle?: NodeJS.Timeout;
  private unsubscribe: () => void = () => {};

  private constructor(private readonly call: Call, readonly claims: Claims) {}

  static async attach(call: Call): Promise<StreamGuard | undefined> {
    const auth = call.metadata.get("authorization")[0];
    const token = typeof auth === "string" && auth.startsWith("Bearer ") ? auth.slice(7) : "";
    try {
      const { payload } = await jwtVerify(token, JWKS, { audience: "transcoder", clockTolerance: 1, requiredClaims: ["exp", "jti"] });
      const g = new StreamGuard(call, payload as Claims);
      g.start();
      return g;
    } catch (err) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: `token rejected: ${(err as Error).message}` } as grpc.ServiceError);
      return undefined;
    }
  }

  get signal(): AbortSignal { return this.ac.signal; }
  get subject(): string { return String(this.claims.sub ?? ""); }

  ownsShow(showId: string): boolean { return (this.claims.shows ?? []).includes(showId); }

  /** Remaining caller deadline, for downstream calls. */
  deadline(): grpc.Deadline { return this.call.getDeadline(); }

  touch(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.end(grpc.status.DEADLINE_EXCEEDED, "idle_timeout"), IDLE_MS);
  }

  private start(): void {
    const untilExp = (this.claims.exp ?? 0) * 1000 - Date.now();
    this.timers.push(setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, "token_expired"), Math.max(0, untilExp)));
    this.timers.push(setTimeout(() => this.end(grpc.status.DEADLINE_EXCEEDED, "max_stream_lifetime"), MAX_LIFETIME_MS));
    this.unsubscribe = onRevocation(String(this.claims.jti), this.subject, () => this.end(grpc.status.PERMISSION_DENIED, "token_revoked"));
    this.touch();
    this.call.on("cancelled", () => this.release());
    this.call.on("close", () => this.release());
  }

  end(code: grpc.status, details: string): void {
    this.release();
    this.call.destroy({ code, details } as grpc.ServiceError);
  }

  release(): void {
    this.timers.forEach(clearTimeout);
    if (this.idle) clearTimeout(this.idle);
    this.unsubscribe();
    this.ac.abort();
  }
}

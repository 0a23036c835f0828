import { Metadata, status, type ServerSurfaceCall } from "@grpc/grpc-js";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { RevocationFeed } from "./revocations";

export interface StationClaims {
  sub: string;
  jti: string;
  exp: number;
  locationId: string;
  stations: string[];
  role: "cook" | "expo" | "manager";
}

const jwks = createRemoteJWKSet(new URL(process.env.KDS_JWKS_URL ?? "https://auth.brigade.app/.well-known/jwks.json"));

type Destroyable = ServerSurfaceCall & { destroy(err?: Error): void };

function grpcError(code: status, details: string): Error {
  return Object.assign(new Error(details), { code, details });
}

/**
 * StationSession owns everything a screen's stream holds: verified claims, a
 * timer at token expiry, the revocation subscription and an AbortSignal that
 * fires on any of those or on client cancel. Handlers pass `signal` to every
 * async step.
 */
export class StationSession {
  private readonly controller = new AbortController();
  private expiryTimer?: NodeJS.Timeout;
  private readonly onRevoked = (r: { jti?: string; sub?: string }) => {
    if (r.jti === this.claims.jti || r.sub === this.claims.sub) {
      this.end(status.PERMISSION_DENIED, "token_revoked");
    }
  };

  private constructor(
    private readonly call: Destroyable,
    readonly claims: StationClaims,
    private readonly revocations: RevocationFeed,
  ) {}

  static async open(call: Destroyable, revocations: RevocationFeed): Promise<StationSession> {
    const token = bearer(call.metadata);
    const { payload } = await jwtVerify(token, jwks, {
      issuer: "https://auth.brigade.app/",
      audience: "kds",
      requiredClaims: ["exp", "jti", "sub"],
      clockTolerance: 1,
    });
    const claims: StationClaims = {
      sub: String(payload.sub),
      jti: String(payload.jti),
      exp: Number(payload.exp),
      locationId: String(payload.loc ?? ""),
      stations: Array.isArray(payload.stations) ? payload.stations.map(String) : [],
      role: (payload.role as StationClaims["role"]) ?? "cook",
    };
    if (revocations.isRevoked(claims.jti, claims.sub)) {
      throw grpcError(status.PERMISSION_DENIED, "token_revoked");
    }
    const session = new StationSession(call, claims, revocations);
    session.arm();
    return session;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  canUseStation(locationId: string, stationId: string): boolean {
    if (locationId !== this.claims.locationId) return false;
    return this.claims.role === "manager" || this.claims.stations.includes(stationId);
  }

  /** Milliseconds left of the caller's deadline, or Infinity when none was set. */
  remainingMs(): number {
    const d = this.call.getDeadline();
    const at = d instanceof Date ? d.getTime() : Number(d);
    return Number.isFinite(at) ? Math.max(0, at - Date.now()) : Infinity;
  }

  end(code: status, details: string): void {
    if (this.controller.signal.aborted) return;
    this.call.destroy(grpcError(code, details));
    this.close();
  }

  close(): void {
    clearTimeout(this.expiryTimer);
    this.revocations.off("revoked", this.onRevoked);
    this.controller.abort();
  }

  private arm(): void {
    const ms = this.claims.exp * 1000 - Date.now() + 500;
    this.expiryTimer = setTimeout(() => this.end(status.UNAUTHENTICATED, "token_expired"), Math.max(ms, 0));
    this.revocations.on("revoked", this.onRevoked);
    this.call.on("cancelled", () => this.close());
    this.call.on("close", () => this.close());
  }
}

function bearer(md: Metadata): string {
  const [v] = md.get("authorization");
  if (typeof v !== "string" || !v.startsWith("Bearer ")) {
    throw grpcError(status.UNAUTHENTICATED, "missing bearer token");
  }
  return v.slice(7);
}

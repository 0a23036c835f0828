import * as grpc from "@grpc/grpc-js";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { config } from "../config";

export interface Claims extends JWTPayload {
  sub: string;
  jti: string;
  exp: number;
  scope?: string;
  roasters?: string[];
}

const jwks = createRemoteJWKSet(new URL(config.jwksUrl));

// Verified claims, keyed by the raw token, read back by the session guard.
// Entries are dropped when the call closes.
export const verified = new Map<string, Claims>();

export async function verifyToken(token: string): Promise<Claims> {
  const { payload } = await jwtVerify(token, jwks, {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: ["ES256"],
    clockTolerance: 1,
    requiredClaims: ["exp", "sub", "jti"],
  });
  return payload as Claims;
}

export function bearerOf(md: grpc.Metadata): string | undefined {
  const raw = md.get("authorization")[0];
  return typeof raw === "string" && raw.startsWith("Bearer ") ? raw.slice(7) : undefined;
}

export const authInterceptor: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(md, mdNext) {
          const token = bearerOf(md);
          if (!token) {
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: "missing bearer token", metadata: new grpc.Metadata() });
            return;
          }
          verifyToken(token).then(
            (claims) => {
              verified.set(token, claims);
              mdNext(md);
            },
            (err: Error) =>
              call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: err.message, metadata: new grpc.Metadata() }),
          );
        },
      });
    },
  });

import * as grpc from "@grpc/grpc-js";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { config } from "../config";

const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: 10 * 60 * 1000 });

export interface AnalystClaims extends JWTPayload {
  sub: string;
  jti: string;
  exp: number;
  desks: string[];
  scope: string;
}

// Verified claims are handed to handlers through a metadata entry the client cannot forge:
// the interceptor drops any incoming `x-claims` and sets its own.
const claimsByCall = new WeakMap<grpc.Metadata, AnalystClaims>();
export function claimsOf(metadata: grpc.Metadata): AnalystClaims {
  const c = claimsByCall.get(metadata);
  if (!c) throw new Error("no claims: interceptor not installed");
  return c;
}

export const authInterceptor: grpc.ServerInterceptor = (methodDescriptor, call) => {
  const listener = new grpc.ServerListenerBuilder()
    .withOnReceiveMetadata(async (metadata, next) => {
      const header = String(metadata.get("authorization")[0] ?? "");
      if (!header.startsWith("Bearer ")) {
        call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: "missing bearer token" });
        return;
      }
      try {
        const { payload } = await jwtVerify(header.slice(7), jwks, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: ["ES256"],
          clockTolerance: 1,
        });
        claimsByCall.set(metadata, payload as AnalystClaims);
        next(metadata);
      } catch (e) {
        call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: "invalid token" });
      }
    })
    .build();
  return new grpc.ServerInterceptingCall(call, { start: (next) => next(listener) });
};

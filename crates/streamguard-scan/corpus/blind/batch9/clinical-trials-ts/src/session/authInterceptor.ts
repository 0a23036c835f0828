// Verifies the bearer token once per call and stashes the claims on the metadata
// for SiteSession, which owns the mid-stream checks.
import * as grpc from "@grpc/grpc-js";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { Config } from "../infra/config";

export const CLAIMS_HEADER = "x-edc-verified-claims";

export function makeAuthInterceptor(cfg: Config) {
  const jwks = createRemoteJWKSet(new URL(cfg.jwksUrl), { cooldownDuration: 30_000 });
  return (_desc: grpc.ServerMethodDefinition<unknown, unknown>, call: grpc.ServerInterceptingCallInterface) =>
    new grpc.ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(md, mdNext) {
            const auth = md.get("authorization")[0];
            md.remove(CLAIMS_HEADER); // never trust a client-supplied copy
            if (typeof auth !== "string" || !auth.startsWith("Bearer ")) {
              call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: "missing bearer token", metadata: new grpc.Metadata() });
              return;
            }
            jwtVerify(auth.slice(7), jwks, { issuer: cfg.issuer, audience: cfg.audience, clockTolerance: 1, requiredClaims: ["exp", "jti", "sub"] })
              .then(({ payload }: { payload: JWTPayload }) => {
                md.set(CLAIMS_HEADER, JSON.stringify(payload));
                mdNext(md);
              })
              .catch(() => call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: "invalid token", metadata: new grpc.Metadata() }));
          },
        });
      },
    });
}

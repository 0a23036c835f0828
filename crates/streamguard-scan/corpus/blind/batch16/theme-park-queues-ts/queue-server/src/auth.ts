import * as grpc from "@grpc/grpc-js";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { config } from "./config";

const jwks = createRemoteJWKSet(new URL(config.jwksUrl));

export interface Staff { sub: string; rides: string[]; roles: string[]; exp: number; }

// Claims of the verified caller, keyed by the call's metadata object (set by the interceptor).
const principals = new WeakMap<grpc.Metadata, Staff>();

export function staffOf(call: { metadata: grpc.Metadata }): Staff {
  const s = principals.get(call.metadata);
  if (!s) throw new Error("no verified principal");
  return s;
}

async function verify(token: string): Promise<Staff> {
  const { payload } = await jwtVerify(token, jwks, {
    issuer: config.issuer, audience: config.audience, algorithms: ["RS256"],
  });
  const p = payload as JWTPayload & { rides?: string[]; roles?: string[] };
  return { sub: String(p.sub), rides: p.rides ?? [], roles: p.roles ?? [], exp: Number(p.exp) };
}

/** Verifies the bearer token once, before the handler sees the call. */
export const authInterceptor: grpc.ServerInterceptor = (methodDescriptor, call) => {
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          const raw = String(metadata.get("authorization")[0] ?? "");
          const token = raw.startsWith("Bearer ") ? raw.slice(7) : "";
          if (!token) {
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: "missing token", metadata: new grpc.Metadata() });
            return;
          }
          verify(token).then(
            (staff) => { principals.set(metadata, staff); mdNext(metadata); },
            (err) => call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: String(err.message), metadata: new grpc.Metadata() }),
          );
        },
      });
    },
  });
};

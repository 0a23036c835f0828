import * as grpc from "@grpc/grpc-js";
import { bearerOf, verifyToken, type AgentClaims } from "./verify";

/** Claims of verified calls, looked up by handlers through `claimsOf(call)`. */
const verified = new WeakMap<grpc.Metadata, AgentClaims>();

export function claimsOf(call: { metadata: grpc.Metadata }): AgentClaims {
  const claims = verified.get(call.metadata);
  if (!claims) throw new Error("claimsOf called on an unauthenticated call");
  return claims;
}

/** Verifies the bearer token before the handler is started; refuses the call otherwise. */
export const authInterceptor: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          const token = bearerOf(metadata.get("authorization")[0]);
          if (!token) {
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: "missing bearer token", metadata: new grpc.Metadata() });
            return;
          }
          verifyToken(token).then(
            (claims) => {
              verified.set(metadata, claims);
              mdNext(metadata);
            },
            (err: Error) =>
              call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: `invalid token: ${err.message}`, metadata: new grpc.Metadata() }),
          );
        },
      });
    },
  });

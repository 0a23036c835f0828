import * as grpc from "@grpc/grpc-js";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { config } from "../config";

export type Principal =
  | { kind: "artist"; sub: string; jti: string; exp: number; projects: string[] }
  | { kind: "node"; nodeId: string; exp: number };

const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000 });

// Principals by call metadata object: the interceptor verifies, handlers read.
const principals = new WeakMap<grpc.Metadata, Principal>();

export function principalOf(call: { metadata: grpc.Metadata }): Principal {
  const p = principals.get(call.metadata);
  if (!p) throw { code: grpc.status.UNAUTHENTICATED, details: "no principal" };
  return p;
}

// Render nodes present "node <id>.<exp>.<hmac>" signed with the farm secret.
function verifyNodeToken(token: string): Principal {
  const [nodeId, expStr, mac] = token.split(".");
  const expected = createHmac("sha256", config.nodeSecret).update(`${nodeId}.${expStr}`).digest();
  const given = Buffer.from(mac ?? "", "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new Error("bad node signature");
  }
  const exp = Number(expStr);
  if (!Number.isFinite(exp) || exp * 1000 < Date.now()) throw new Error("node token expired");
  return { kind: "node", nodeId, exp };
}

async function verifyArtist(token: string): Promise<Principal> {
  const { payload } = await jwtVerify(token, jwks, {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: ["RS256", "ES256"],
    clockTolerance: 1,
  });
  const p = payload as JWTPayload & { projects?: string[] };
  if (!p.exp || !p.sub || !p.jti) throw new Error("incomplete token");
  return { kind: "artist", sub: p.sub, jti: p.jti, exp: p.exp, projects: p.projects ?? [] };
}

export const authInterceptor: grpc.ServerInterceptor = (methodDescriptor, call) => {
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          const [auth] = metadata.get("authorization") as string[];
          const fail = (details: string) =>
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details, metadata: new grpc.Metadata() });
          if (!auth) return fail("missing credentials");
          const verify = auth.startsWith("node ")
            ? Promise.resolve().then(() => verifyNodeToken(auth.slice(5)))
            : auth.startsWith("Bearer ")
              ? verifyArtist(auth.slice(7))
              : Promise.reject(new Error("unsupported scheme"));
          verify.then(
            (principal) => {
              if (methodDescriptor.path.endsWith("/NodeLink") !== (principal.kind === "node")) {
                return fail("wrong credential kind");
              }
              principals.set(metadata, principal);
              mdNext(metadata);
            },
            (err: Error) => fail(err.message),
          );
        },
      });
    },
  });
};

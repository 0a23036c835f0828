import * as grpc from "@grpc/grpc-js";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";

const JWKS = createRemoteJWKSet(new URL(process.env.JWKS_URL ?? "https://auth.example.net/.well-known/jwks.json"));
const ISSUER = process.env.JWT_ISSUER ?? "https://auth.example.net/";
const AUDIENCE = process.env.JWT_AUDIENCE ?? "market-feed";

export interface Claims extends JWTPayload {
  sub: string;
  exp: number;
  jti: string;
  accounts?: string[];
  scope?: string;
}

export class AuthError extends Error {
  constructor(
    readonly code: grpc.status,
    readonly details: string,
  ) {
    super(details);
  }
}

export async function authenticate(metadata: grpc.Metadata): Promise<Claims> {
  const header = metadata.get("authorization")[0];
  if (typeof header !== "string" || !header.startsWith("Bearer ")) {
    throw new AuthError(grpc.status.UNAUTHENTICATED, "missing_token");
  }
  try {
    const { payload } = await jwtVerify(header.slice(7), JWKS, {
      issuer: ISSUER,
      audience: AUDIENCE,
      clockTolerance: 1,
      requiredClaims: ["exp", "sub", "jti"],
    });
    return payload as Claims;
  } catch {
    throw new AuthError(grpc.status.UNAUTHENTICATED, "invalid_token");
  }
}

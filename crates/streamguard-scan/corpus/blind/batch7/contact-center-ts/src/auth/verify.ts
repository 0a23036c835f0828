import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";

const ISSUER = process.env.OIDC_ISSUER ?? "https://login.contactcenter.example";
const AUDIENCE = process.env.OIDC_AUDIENCE ?? "agent-gateway";
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`), { cooldownDuration: 30_000 });

export interface AgentClaims extends JWTPayload {
  sub: string;
  exp: number;
  jti: string;
  tenant: string;
  roles: string[];
  queues: string[];
}

export async function verifyToken(token: string): Promise<AgentClaims> {
  const { payload } = await jwtVerify(token, jwks, {
    issuer: ISSUER,
    audience: AUDIENCE,
    algorithms: ["RS256", "ES256"],
    clockTolerance: 1,
    requiredClaims: ["exp", "sub", "jti"],
  });
  return payload as AgentClaims;
}

export function bearerOf(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("Bearer ")) return null;
  return value.slice("Bearer ".length).trim() || null;
}

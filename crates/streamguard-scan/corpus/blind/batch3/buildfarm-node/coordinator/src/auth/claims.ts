import * as grpc from '@grpc/grpc-js';
import Redis from 'ioredis';
import { createRemoteJWKSet, jwtVerify, JWTPayload } from 'jose';
import { config } from '../config';

export interface BuildClaims {
  sub: string;
  jti: string;
  exp: number;
  instances: string[];
}

const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
const redis = new Redis(config.redisUrl);

export const CLAIMS_KEY = 'x-buildfarm-claims';

export async function verifyBearer(md: grpc.Metadata): Promise<BuildClaims> {
  const header = md.get('authorization')[0];
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
    throw new Error('missing bearer token');
  }
  const { payload } = await jwtVerify(header.slice(7), jwks, {
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
  });
  return toClaims(payload);
}

function toClaims(p: JWTPayload): BuildClaims {
  return {
    sub: String(p.sub),
    jti: String(p.jti),
    exp: Number(p.exp),
    instances: Array.isArray((p as any).instances) ? (p as any).instances : [],
  };
}

export function readClaims(md: grpc.Metadata): BuildClaims {
  const raw = md.get(CLAIMS_KEY)[0];
  if (typeof raw !== 'string') throw new Error('no claims on call');
  return JSON.parse(raw);
}

export async function isRevoked(jti: string): Promise<boolean> {
  return (await redis.sismember('buildfarm:revoked-jti', jti)) === 1;
}

import * as grpc from '@grpc/grpc-js';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { BridgeConfig } from './config.js';

export interface Claims extends JWTPayload {
  sub: string;
  exp: number;
  jti?: string;
  scope?: string;
}

export class Authenticator {
  private readonly jwks;

  constructor(private readonly cfg: BridgeConfig) {
    this.jwks = createRemoteJWKSet(new URL(cfg.jwksUrl), { cooldownDuration: 30_000 });
  }

  async verify(md: grpc.Metadata): Promise<Claims> {
    const [header] = md.get('authorization');
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
      throw Object.assign(new Error('missing bearer token'), { code: grpc.status.UNAUTHENTICATED });
    }
    const { payload } = await jwtVerify(header.slice(7), this.jwks, {
      audience: this.cfg.audience,
      issuer: this.cfg.issuer,
      clockTolerance: 1,
      requiredClaims: ['exp', 'sub'],
    });
    return payload as Claims;
  }
}

export function scopesOf(c: Claims): Set<string> {
  return new Set((c.scope ?? '').split(' ').filter(Boolean));
}

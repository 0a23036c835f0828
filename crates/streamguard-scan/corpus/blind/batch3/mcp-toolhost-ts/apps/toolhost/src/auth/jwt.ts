import { Metadata } from '@grpc/grpc-js';
import jwt from 'jsonwebtoken';
import { ToolhostConfig } from '../config';

export interface Claims {
  sub: string;
  jti: string;
  exp: number;
  scope: string[];
}

export class AuthError extends Error {}

export function authenticate(md: Metadata, cfg: ToolhostConfig): Claims {
  const header = md.get('authorization')[0];
  if (typeof header !== 'string' || !header.toLowerCase().startsWith('bearer ')) {
    throw new AuthError('missing bearer token');
  }
  let payload: jwt.JwtPayload;
  try {
    payload = jwt.verify(header.slice(7).trim(), cfg.jwtPublicKeyPem, {
      algorithms: ['ES256'],
      issuer: cfg.issuer,
      audience: cfg.audience,
      clockTolerance: Math.ceil(cfg.leewayMs / 1000),
    }) as jwt.JwtPayload;
  } catch (err) {
    throw new AuthError((err as Error).message);
  }
  if (!payload.sub || !payload.jti || !payload.exp) {
    throw new AuthError('token lacks sub/jti/exp');
  }
  const scope = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  return { sub: payload.sub, jti: payload.jti, exp: payload.exp, scope };
}

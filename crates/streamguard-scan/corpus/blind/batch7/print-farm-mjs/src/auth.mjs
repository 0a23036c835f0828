import { createRemoteJWKSet, jwtVerify } from 'jose';
import grpc from '@grpc/grpc-js';
import { config } from './config.mjs';

const jwks = createRemoteJWKSet(new URL(`${config.issuer}/.well-known/jwks.json`));

export class Unauthenticated extends Error {
  code = grpc.status.UNAUTHENTICATED;
}

export async function authenticate(metadata) {
  const header = metadata.get('authorization')[0];
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) throw new Unauthenticated('missing bearer token');
  try {
    const { payload } = await jwtVerify(header.slice(7), jwks, {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ['ES256'],
      clockTolerance: 1,
      requiredClaims: ['exp', 'jti', 'sub'],
    });
    return payload;
  } catch (err) {
    throw new Unauthenticated(`invalid token: ${err.code ?? err.message}`);
  }
}

/** Printers are grouped by site; a token lists the sites it may operate and the actions allowed. */
export const policy = {
  canView(claims, printer) {
    return (claims.sites ?? []).includes(printer.site);
  },
  allows(claims, printer, action) {
    if (!printer || !(claims.sites ?? []).includes(printer.site)) return false;
    const scopes = String(claims.scope ?? '').split(' ');
    return scopes.includes(`printer:${action}`) || scopes.includes('printer:*');
  },
};

import { createRemoteJWKSet, jwtVerify } from 'jose';
import grpc from '@grpc/grpc-js';

const JWKS = createRemoteJWKSet(new URL(process.env.TICKETS_JWKS_URL ?? 'https://tickets.citymuseum.org/.well-known/jwks.json'));

export class TicketError extends Error {
  constructor(code, details) {
    super(details);
    this.code = code;
    this.details = details;
  }
}

// Visitor tickets are short-lived JWTs minted by the ticketing system at the door.
export async function verifyTicket(metadata) {
  const [auth] = metadata.get('authorization');
  if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
    throw new TicketError(grpc.status.UNAUTHENTICATED, 'missing ticket');
  }
  try {
    const { payload } = await jwtVerify(auth.slice(7), JWKS, {
      issuer: 'https://tickets.citymuseum.org',
      audience: 'visitor-guides',
      algorithms: ['ES256'],
      clockTolerance: 1,
    });
    if (typeof payload.exp !== 'number') throw new Error('exp required');
    return {
      sub: payload.sub,
      jti: payload.jti,
      exp: payload.exp,
      galleries: new Set(payload.galleries ?? []),
      tier: payload.tier ?? 'general',
    };
  } catch (err) {
    throw new TicketError(grpc.status.UNAUTHENTICATED, `invalid ticket: ${err.message}`);
  }
}

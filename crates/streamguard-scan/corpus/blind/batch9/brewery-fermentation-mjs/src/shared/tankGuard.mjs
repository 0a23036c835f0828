// Per-call guard for the cellar API: verifies the OIDC token, ends the call at
// the token's exp, on a pushed revocation and at the maximum stream lifetime.
import * as grpc from '@grpc/grpc-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from './config.mjs';
import { revocationFeed } from './revocations.mjs';

const jwks = createRemoteJWKSet(new URL(config.jwksUrl));

export class TankGuard {
  static async open(call) {
    const [auth] = call.metadata.get('authorization');
    if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
      throw { code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token' };
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(auth.slice(7), jwks, {
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: 1,
        requiredClaims: ['exp', 'sub', 'jti'],
      }));
    } catch (err) {
      throw { code: grpc.status.UNAUTHENTICATED, details: `invalid token: ${err.code ?? err.message}` };
    }
    return new TankGuard(call, payload);
  }

  constructor(call, claims) {
    this.call = call;
    this.claims = claims;
    this.controller = new AbortController();
    // Aborted when the call ends and when the caller's deadline passes; every
    // database query made for the call is cancelled through it.
    const deadline = Number(call.getDeadline?.() ?? Infinity);
    this.signal = Number.isFinite(deadline)
      ? AbortSignal.any([this.controller.signal, AbortSignal.timeout(Math.max(0, deadline - Date.now()))])
      : this.controller.signal;
    this.sites = new Set(String(claims.sites ?? '').split(' ').filter(Boolean));
    this.scopes = new Set(String(claims.scope ?? '').split(' ').filter(Boolean));
    this.timers = [
      setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'), claims.exp * 1000 - Date.now() + 500),
      setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'), config.maxStreamMinutes * 60_000),
    ];
    this.onRevoked = (ev) => {
      if (ev.jti === claims.jti || ev.sub === claims.sub) this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    };
    revocationFeed.on('revoked', this.onRevoked);
    call.on('cancelled', () => this.dispose());
    call.on('close', () => this.dispose());
  }

  canSee(siteId) {
    return this.sites.has(siteId) || this.scopes.has('cellar:all');
  }

  canWriteBatch(batchId) {
    const site = batchId.split('-')[0];
    return this.scopes.has('cellar:log') && this.canSee(site);
  }

  end(code, details) {
    this.dispose();
    this.call.destroy({ code, details });
  }

  dispose() {
    this.timers.forEach(clearTimeout);
    revocationFeed.off('revoked', this.onRevoked);
    this.controller.abort();
  }
}

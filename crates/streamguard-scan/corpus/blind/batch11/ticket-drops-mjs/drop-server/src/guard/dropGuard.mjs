import * as grpc from '@grpc/grpc-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config.mjs';
import { onRevoked } from './revocations.mjs';

const jwks = createRemoteJWKSet(new URL(config.jwksUrl));

function fail(code, details) {
  return Object.assign(new Error(details), { code, details });
}

/**
 * One guard per call: verifies the bearer token, ends the call at `exp`, on a pushed revocation,
 * after the maximum lifetime and after an idle period; exposes an AbortSignal that follows the
 * call (cancel + caller deadline) for downstream work.
 */
export class DropGuard {
  static async open(call) {
    const header = String(call.metadata.get('authorization')[0] ?? '');
    if (!header.startsWith('Bearer ')) throw fail(grpc.status.UNAUTHENTICATED, 'missing bearer token');
    let payload;
    try {
      ({ payload } = await jwtVerify(header.slice(7), jwks, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ['RS256'],
        clockTolerance: 1,
      }));
    } catch {
      throw fail(grpc.status.UNAUTHENTICATED, 'invalid token');
    }
    return new DropGuard(call, payload);
  }

  constructor(call, claims) {
    this.call = call;
    this.claims = claims;
    this.scopes = new Set(String(claims.scope ?? '').split(' ').filter(Boolean));
    this.controller = new AbortController();
    this.timers = [
      setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'), Math.max(0, claims.exp * 1000 - Date.now())),
      setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'), config.maxStreamMs),
    ];
    this.idle = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'idle_timeout'), config.idleMs);
    this.unsubscribe = onRevoked([`jti:${claims.jti}`, `sub:${claims.sub}`], () =>
      this.end(grpc.status.PERMISSION_DENIED, 'token_revoked'),
    );
    const deadline = call.getDeadline();
    const ms = deadline instanceof Date ? deadline.getTime() - Date.now() : Number(deadline) - Date.now();
    if (Number.isFinite(ms)) {
      this.timers.push(setTimeout(() => this.end(grpc.status.DEADLINE_EXCEEDED, 'deadline_exceeded'), Math.max(0, ms)));
    }
    call.on('cancelled', () => this.release());
    call.on('close', () => this.release());
  }

  get signal() {
    return this.controller.signal;
  }

  get deadline() {
    return this.call.getDeadline();
  }

  touch() {
    this.idle.refresh();
  }

  can(scope) {
    return this.scopes.has(scope);
  }

  end(code, details) {
    if (this.controller.signal.aborted) return;
    this.call.destroy(fail(code, details));
    this.release();
  }

  release() {
    if (!this.controller.signal.aborted) this.controller.abort();
    this.timers.forEach(clearTimeout);
    clearTimeout(this.idle);
    this.unsubscribe();
  }
}

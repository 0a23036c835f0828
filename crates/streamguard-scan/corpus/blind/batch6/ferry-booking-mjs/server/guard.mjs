import grpc from '@grpc/grpc-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const jwks = createRemoteJWKSet(new URL(process.env.FERRY_JWKS ?? 'https://login.straitline.example/jwks'));

export const MAX_STREAM_MS = 30 * 60_000;
export const IDLE_MS = 5 * 60_000;

function statusError(code, details) {
  return Object.assign(new Error(details), { code, details });
}

/**
 * CallGuard is created at the start of every streaming handler. It verifies
 * the bearer token and then keeps the call honest for its whole life: it
 * ends the call at token expiry, on a pushed revocation, after MAX_STREAM_MS
 * and after IDLE_MS without traffic. `signal` aborts on any of these and on
 * client cancel.
 */
export class CallGuard {
  #call;
  #revocations;
  #timers = [];
  #idle;
  #ac = new AbortController();
  #onRevoked;

  constructor(call, claims, revocations) {
    this.#call = call;
    this.claims = claims;
    this.#revocations = revocations;
  }

  static async open(call, revocations) {
    const [auth] = call.metadata.get('authorization');
    if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
      throw statusError(grpc.status.UNAUTHENTICATED, 'missing bearer token');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(auth.slice(7), jwks, {
        issuer: 'https://login.straitline.example/',
        audience: 'booking',
        requiredClaims: ['exp', 'jti'],
        clockTolerance: 1,
      }));
    } catch (err) {
      throw statusError(grpc.status.UNAUTHENTICATED, `invalid token: ${err.code ?? err.message}`);
    }
    if (revocations.has(payload.jti, payload.sub)) {
      throw statusError(grpc.status.PERMISSION_DENIED, 'token_revoked');
    }
    const guard = new CallGuard(call, {
      sub: payload.sub,
      jti: payload.jti,
      exp: payload.exp,
      routes: Array.isArray(payload.routes) ? payload.routes : [],
      channel: payload.channel ?? 'agent',
    }, revocations);
    guard.#arm();
    return guard;
  }

  get signal() {
    return this.#ac.signal;
  }

  mayBook(route) {
    return this.claims.routes.includes('*') || this.claims.routes.includes(route);
  }

  touch() {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'idle_timeout'), IDLE_MS);
  }

  end(code, details) {
    if (this.#ac.signal.aborted) return;
    this.#call.destroy(statusError(code, details));
    this.release();
  }

  release() {
    for (const t of this.#timers) clearTimeout(t);
    clearTimeout(this.#idle);
    this.#revocations.off('revoked', this.#onRevoked);
    this.#ac.abort();
  }

  #arm() {
    const untilExp = this.claims.exp * 1000 - Date.now();
    this.#timers.push(setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'), Math.max(untilExp, 0)));
    this.#timers.push(setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'), MAX_STREAM_MS));
    this.touch();
    this.#onRevoked = (ev) => {
      if (ev.jti === this.claims.jti || ev.sub === this.claims.sub) this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    };
    this.#revocations.on('revoked', this.#onRevoked);
    this.#call.on('cancelled', () => this.release());
    this.#call.on('close', () => this.release());
  }
}

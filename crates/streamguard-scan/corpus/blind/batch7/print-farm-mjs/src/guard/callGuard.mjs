import grpc from '@grpc/grpc-js';
import { revocations } from './revocations.mjs';
import { config } from '../config.mjs';

/**
 * Per-stream guard: ends the call at token expiry, on a pushed revocation, after the maximum
 * lifetime, and after an idle period with no traffic either way. Exposes an AbortSignal for
 * work done on the call's behalf.
 */
export class CallGuard {
  #timers = [];
  #idle = null;
  #controller = new AbortController();
  #onRevoked;

  constructor(call, claims) {
    this.call = call;
    this.claims = claims;
    this.#onRevoked = (evt) => {
      if (evt.jti === claims.jti || evt.sub === claims.sub) this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    };
  }

  start() {
    const untilExp = this.claims.exp * 1000 - Date.now();
    this.#timers.push(setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'), Math.max(untilExp, 0)));
    this.#timers.push(setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'), config.maxStreamLifetimeMs));
    this.touch();
    revocations.on('revoked', this.#onRevoked);
    this.call.on('cancelled', () => this.dispose());
    this.call.on('close', () => this.dispose());
    return this;
  }

  touch() {
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'idle_timeout'), config.idleTimeoutMs);
  }

  get signal() {
    return this.#controller.signal;
  }

  /** Milliseconds left of the caller's deadline, or `fallback` when it set none. */
  remainingMs(fallback) {
    const d = this.call.getDeadline();
    const at = d instanceof Date ? d.getTime() : Number(d);
    return Number.isFinite(at) ? Math.max(at - Date.now(), 0) : fallback;
  }

  end(code, details) {
    this.dispose();
    this.call.destroy({ code, details });
  }

  dispose() {
    this.#timers.forEach(clearTimeout);
    if (this.#idle) clearTimeout(this.#idle);
    revocations.off('revoked', this.#onRevoked);
    if (!this.#controller.signal.aborted) this.#controller.abort();
  }
}

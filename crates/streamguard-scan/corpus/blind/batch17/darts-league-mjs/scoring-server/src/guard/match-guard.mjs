import grpc from '@grpc/grpc-js';
import { verifyBearer } from './tokens.mjs';
import { revocations } from './revocations.mjs';
import { config } from '../config.mjs';

// One guard per call: ends the call at exp, on a pushed revocation, at the lifetime cap and when idle.
export class MatchGuard {
  static async open(call) {
    let claims;
    try {
      claims = await verifyBearer(call.metadata);
    } catch {
      claims = null;
    }
    if (!claims) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'invalid_token' });
      return null;
    }
    return new MatchGuard(call, claims);
  }

  constructor(call, claims) {
    this.call = call;
    this.claims = claims;
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    this.timers = [];
    this.ended = false;

    this.#after(claims.exp * 1000 - Date.now(), grpc.status.UNAUTHENTICATED, 'token_expired');
    this.#after(config.maxStreamMs, grpc.status.UNAVAILABLE, 'max_stream_lifetime');
    this.#resetIdle();

    this.onRevoke = () => this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    revocations.on(`jti:${claims.jti}`, this.onRevoke);
    revocations.on(`sub:${claims.sub}`, this.onRevoke);

    call.on('cancelled', () => this.#cleanup());
    call.on('close', () => this.#cleanup());
  }

  #after(ms, code, details) {
    this.timers.push(setTimeout(() => this.end(code, details), Math.max(0, ms)));
  }

  #resetIdle() {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'idle_timeout'), config.idleMs);
  }

  touch() {
    this.#resetIdle();
  }

  // Milliseconds the caller still gives us; undefined when it set no deadline.
  remainingMs() {
    const d = this.call.getDeadline();
    const t = d instanceof Date ? d.getTime() : Number(d);
    return Number.isFinite(t) ? Math.max(0, t - Date.now()) : undefined;
  }

  downstreamSignal(fallbackMs) {
    return AbortSignal.any([this.signal, AbortSignal.timeout(this.remainingMs() ?? fallbackMs)]);
  }

  end(code, details) {
    if (this.ended) return;
    this.call.destroy({ code, details });
    this.#cleanup();
  }

  #cleanup() {
    if (this.ended) return;
    this.ended = true;
    this.timers.forEach(clearTimeout);
    clearTimeout(this.idle);
    revocations.off(`jti:${this.claims.jti}`, this.onRevoke);
    revocations.off(`sub:${this.claims.sub}`, this.onRevoke);
    this.controller.abort();
  }
}

import grpc from '@grpc/grpc-js';
import { verifyCall } from './tokens.js';

// One guard per stream: verifies the token, ends the stream at `exp`, on a pushed
// revocation, at the maximum lifetime and after an idle period; exposes an AbortSignal
// that downstream work hangs off, and the caller's deadline.
export class RideGuard {
  static async open(call, deps) {
    const claims = await verifyCall(call, deps.cfg);
    if (deps.revocations.isRevoked(claims)) {
      throw Object.assign(new Error('token_revoked'), { code: grpc.status.PERMISSION_DENIED });
    }
    await deps.limiter.openStream(claims.sub);
    return new RideGuard(call, claims, deps);
  }

  constructor(call, claims, deps) {
    this.call = call;
    this.claims = claims;
    this.deps = deps;
    this.ac = new AbortController();
    this.signal = this.ac.signal;
    this.timers = [];
    this.ended = false;

    this.#at(claims.exp * 1000 - Date.now(), grpc.status.UNAUTHENTICATED, 'token_expired');
    this.#at(deps.cfg.maxLifetimeMs, grpc.status.UNAVAILABLE, 'max_stream_lifetime');
    this.touch();

    this.onRevoked = () => this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    deps.revocations.on(`jti:${claims.jti}`, this.onRevoked);
    deps.revocations.on(`sub:${claims.sub}`, this.onRevoked);

    call.on('cancelled', () => this.#cleanup());
    call.on('close', () => this.#cleanup());
  }

  #at(ms, code, details) {
    this.timers.push(setTimeout(() => this.end(code, details), Math.max(0, ms)));
  }

  touch() {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'idle_timeout'), this.deps.cfg.idleMs);
  }

  remainingMs(fallback) {
    const d = this.call.getDeadline();
    const at = d instanceof Date ? d.getTime() : Number(d);
    return Number.isFinite(at) ? Math.max(0, at - Date.now()) : fallback;
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
    this.ac.abort();
    this.deps.revocations.off(`jti:${this.claims.jti}`, this.onRevoked);
    this.deps.revocations.off(`sub:${this.claims.sub}`, this.onRevoked);
    this.deps.limiter.closeStream(this.claims.sub).catch(() => {});
  }
}

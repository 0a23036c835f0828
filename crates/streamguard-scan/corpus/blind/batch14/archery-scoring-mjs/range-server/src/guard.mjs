import grpc from '@grpc/grpc-js';
import { authenticate, AuthError } from './auth.mjs';

const MAX_LIFETIME_MS = Number(process.env.RANGE_MAX_STREAM_MS ?? 40 * 60 * 1000);
const IDLE_MS = Number(process.env.RANGE_IDLE_MS ?? 5 * 60 * 1000);

// One RangeGuard per stream: authenticates at open, then ends the call at the
// token's exp, on a pushed revocation, at the maximum lifetime and after idle.
export class RangeGuard {
  constructor(call, claims, feed) {
    this.call = call;
    this.claims = claims;
    this.feed = feed;
    this.ac = new AbortController();
    this.timers = [];
    this.ended = false;

    const ttl = claims.exp * 1000 - Date.now();
    this.timers.push(setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'), Math.max(0, ttl)));
    this.timers.push(setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'), MAX_LIFETIME_MS));
    this.idle = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'idle_timeout'), IDLE_MS);

    this.onRevoked = (ev) => {
      if (ev.jti === claims.jti || ev.sub === claims.sub) this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    };
    feed.on('revoked', this.onRevoked);

    call.on('cancelled', () => this.dispose());
    call.on('close', () => this.dispose());
  }

  static async open(call, feed) {
    try {
      const claims = await authenticate(call.metadata);
      if (feed.isRevoked(claims)) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked' });
        return null;
      }
      return new RangeGuard(call, claims, feed);
    } catch (e) {
      const code = e instanceof AuthError ? e.code : grpc.status.INTERNAL;
      call.destroy({ code, details: e.message });
      return null;
    }
  }

  get signal() {
    return this.ac.signal;
  }

  touch() {
    this.idle.refresh();
  }

  end(code, details) {
    if (this.ended) return;
    this.call.destroy({ code, details });
    this.dispose();
  }

  dispose() {
    if (this.ended) return;
    this.ended = true;
    this.ac.abort();
    for (const t of this.timers) clearTimeout(t);
    clearTimeout(this.idle);
    this.feed.off('revoked', this.onRevoked);
  }
}

import * as grpc from '@grpc/grpc-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import Redis from 'ioredis';
import { config } from './config.js';

const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000 });

// Revocations are pushed by the federation's identity service on a Redis channel.
const sub = new Redis(config.redisUrl);
const store = new Redis(config.redisUrl);
const live = new Set();
sub.subscribe('clock:revocations');
sub.on('message', (_channel, raw) => {
  const { jti, sub: subject } = JSON.parse(raw);
  for (const guard of live) {
    if (guard.claims.jti === jti || guard.claims.sub === subject) {
      guard.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    }
  }
});

function bearer(call) {
  const [value] = call.metadata.get('authorization');
  const m = /^Bearer (.+)$/.exec(String(value ?? ''));
  return m?.[1];
}

/** One guard per stream: expiry, pushed revocation, lifetime and idle bounds. */
export class ArbiterGuard {
  static async open(call) {
    const token = bearer(call);
    if (!token) throw Object.assign(new Error('missing token'), { code: grpc.status.UNAUTHENTICATED });
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer, audience: config.audience, algorithms: ['ES256'], clockTolerance: 1,
      }));
    } catch (err) {
      throw Object.assign(new Error(err.message), { code: grpc.status.UNAUTHENTICATED });
    }
    const revoked = await store.sismember('clock:revoked-jti', payload.jti);
    if (revoked) throw Object.assign(new Error('token_revoked'), { code: grpc.status.PERMISSION_DENIED });
    return new ArbiterGuard(call, payload);
  }

  constructor(call, claims) {
    this.call = call;
    this.claims = claims;
    this.boards = new Set(claims.boards ?? []);   // e.g. "oslo-open-2025:14"
    this.scopes = new Set(String(claims.scope ?? '').split(' '));
    this.controller = new AbortController();
    this.ended = false;
    this.expiryTimer = setTimeout(
      () => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'),
      Math.max(0, claims.exp * 1000 - Date.now()),
    );
    this.lifetimeTimer = setTimeout(
      () => this.end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'),
      config.maxStreamLifetimeMs,
    );
    this.touch();
    live.add(this);
    call.on('cancelled', () => this.release());
    call.on('close', () => this.release());
  }

  get signal() { return this.controller.signal; }

  mayUse(tournamentId, board) {
    return this.boards.has(`${tournamentId}:${board}`) || this.boards.has(`${tournamentId}:*`);
  }

  touch() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'idle_timeout'), config.idleTimeoutMs);
  }

  end(code, details) {
    if (this.ended) return;
    this.release();
    this.call.destroy({ code, details });
  }

  release() {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.expiryTimer);
    clearTimeout(this.lifetimeTimer);
    clearTimeout(this.idleTimer);
    this.controller.abort();
    live.delete(this);
  }
}

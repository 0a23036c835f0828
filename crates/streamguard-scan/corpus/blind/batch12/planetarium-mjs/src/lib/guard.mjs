import grpc from '@grpc/grpc-js';
import { connect, StringCodec } from 'nats';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from './config.mjs';

const jwks = createRemoteJWKSet(config.jwks);
const live = new Set();

// Revocations pushed by the identity service: "jti:<id>" or "sub:<id>".
export async function startRevocations() {
  const nc = await connect({ servers: config.natsUrl });
  const sc = StringCodec();
  const sub = nc.subscribe('identity.revoked');
  (async () => {
    for await (const m of sub) {
      const key = sc.decode(m.data);
      for (const g of live) {
        if (key === `jti:${g.claims.jti}` || key === `sub:${g.claims.sub}`) {
          g.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
        }
      }
    }
  })();
}

export class ShowGuard {
  static async open(call) {
    const [auth] = call.metadata.get('authorization');
    if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
      throw { code: grpc.status.UNAUTHENTICATED, details: 'missing token' };
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(auth.slice(7), jwks, {
        issuer: config.issuer, audience: config.audience, algorithms: ['ES256'], clockTolerance: 1,
      }));
    } catch {
      throw { code: grpc.status.UNAUTHENTICATED, details: 'invalid token' };
    }
    if (!payload.exp || !payload.jti) throw { code: grpc.status.UNAUTHENTICATED, details: 'incomplete token' };
    return new ShowGuard(call, payload);
  }

  constructor(call, claims) {
    this.call = call;
    this.claims = claims;
    this.domes = new Set(claims.domes ?? []);
    this.scopes = new Set(String(claims.scope ?? '').split(' '));
    this.ac = new AbortController();
    this.signal = this.ac.signal;
    this.closed = false;
    this.expTimer = setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'), claims.exp * 1000 - Date.now());
    this.lifeTimer = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'), config.maxStreamMs);
    this.touch();
    live.add(this);
    const stop = () => this.cleanup();
    call.on('cancelled', stop);
    call.on('close', stop);
  }

  touch() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'idle_timeout'), config.idleMs);
  }

  canDome(domeId) {
    return this.domes.has(domeId);
  }

  has(scope) {
    return this.scopes.has(scope);
  }

  end(code, details) {
    if (this.closed) return;
    this.cleanup();
    this.call.destroy({ code, details });
  }

  cleanup() {
    this.closed = true;
    clearTimeout(this.expTimer);
    clearTimeout(this.lifeTimer);
    clearTimeout(this.idleTimer);
    live.delete(this);
    if (!this.ac.signal.aborted) this.ac.abort();
  }
}

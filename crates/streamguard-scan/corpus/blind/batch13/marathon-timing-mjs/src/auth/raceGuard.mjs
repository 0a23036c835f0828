import grpc from '@grpc/grpc-js';
import { connect, StringCodec } from 'nats';
import { config } from '../config.mjs';
import { verifyBearer } from './jwt.mjs';

const sc = StringCodec();
const live = new Set();
let natsReady;

// Revocations are pushed by the identity service on `auth.revoked` as
// {"jti": "...", "sub": "..."}; every live guard that matches is ended.
function ensureNats() {
  natsReady ??= connect({ servers: config.natsUrl }).then((nc) => {
    const sub = nc.subscribe('auth.revoked');
    (async () => {
      for await (const m of sub) {
        const ev = JSON.parse(sc.decode(m.data));
        for (const g of live) {
          if (g.claims.jti === ev.jti || g.claims.sub === ev.sub) g.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
        }
      }
    })();
    return nc;
  });
  return natsReady;
}

export class RaceGuard {
  static async open(call) {
    await ensureNats();
    const claims = await verifyBearer(call.metadata);
    return new RaceGuard(call, claims);
  }

  constructor(call, claims) {
    this.call = call;
    this.claims = claims;
    this.ac = new AbortController();
    this.signal = this.ac.signal;
    this.closed = false;
    this.expTimer = setTimeout(
      () => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'),
      Math.max(claims.exp * 1000 - Date.now(), 0),
    );
    const dl = call.getDeadline();
    if (dl instanceof Date) {
      this.deadlineTimer = setTimeout(
        () => this.end(grpc.status.DEADLINE_EXCEEDED, 'deadline_exceeded'),
        Math.max(dl.getTime() - Date.now(), 0),
      );
    }
    live.add(this);
    call.on('cancelled', () => this.release());
    call.on('close', () => this.release());
  }

  end(code, details) {
    if (this.closed) return;
    this.release();
    this.call.destroy({ code, details });
  }

  release() {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.expTimer);
    clearTimeout(this.deadlineTimer);
    this.ac.abort();
    live.delete(this);
  }
}

import { EventEmitter } from 'node:events';
import { connect, StringCodec } from 'nats';

// Revocations are published by the SSO admin on `sso.revoked` as "jti:<id>" or "sub:<id>".
export class Revocations extends EventEmitter {
  static async connect(url) {
    const r = new Revocations();
    r.revoked = new Set();
    r.nc = await connect({ servers: url, name: 'ride-control' });
    const sc = StringCodec();
    const sub = r.nc.subscribe('sso.revoked');
    (async () => {
      for await (const m of sub) {
        const key = sc.decode(m.data);
        r.revoked.add(key);
        r.emit(key);
      }
    })();
    r.setMaxListeners(0);
    return r;
  }

  isRevoked(claims) {
    return this.revoked.has(`jti:${claims.jti}`) || this.revoked.has(`sub:${claims.sub}`);
  }
}

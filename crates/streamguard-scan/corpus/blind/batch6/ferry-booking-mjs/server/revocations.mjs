import { connect, JSONCodec } from 'nats';
import { EventEmitter } from 'node:events';

const codec = JSONCodec();

// The identity service publishes on `idp.revoked` the moment an agent's
// session is killed or a kiosk is decommissioned. We keep the set for new
// calls and re-emit to live guards.
export class Revocations extends EventEmitter {
  #jti = new Set();
  #sub = new Set();

  static async connect(servers) {
    const r = new Revocations();
    r.setMaxListeners(0);
    const nc = await connect({ servers, name: 'ferry-booking' });
    const sub = nc.subscribe('idp.revoked');
    (async () => {
      for await (const m of sub) {
        const ev = codec.decode(m.data);
        if (ev.jti) r.#jti.add(ev.jti);
        if (ev.sub) r.#sub.add(ev.sub);
        r.emit('revoked', ev);
      }
    })();
    return r;
  }

  has(jti, sub) {
    return this.#jti.has(jti) || this.#sub.has(sub);
  }
}

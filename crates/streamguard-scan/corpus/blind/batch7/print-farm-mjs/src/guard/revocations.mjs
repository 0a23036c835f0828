import { EventEmitter } from 'node:events';
import { connect, JSONCodec } from 'nats';

/** Token revocations pushed by the identity service on `auth.revoked`. */
export class Revocations extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
  }

  async start(url) {
    this.nc = await connect({ servers: url });
    const codec = JSONCodec();
    const sub = this.nc.subscribe('auth.revoked');
    (async () => {
      for await (const m of sub) {
        try {
          this.emit('revoked', codec.decode(m.data));
        } catch {
          // ignore malformed events
        }
      }
    })();
  }
}

export const revocations = new Revocations();

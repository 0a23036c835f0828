// Revocations pushed by the SSO over NATS ("sso.revoked" carries {jti, sub}).
import { EventEmitter } from 'node:events';
import { connect, JSONCodec } from 'nats';
import { config } from './config.mjs';

export const revocationFeed = new EventEmitter();
revocationFeed.setMaxListeners(0);

export async function startRevocationFeed() {
  const nc = await connect({ servers: config.natsUrl });
  const jc = JSONCodec();
  const sub = nc.subscribe('sso.revoked');
  (async () => {
    for await (const m of sub) {
      const ev = jc.decode(m.data);
      revocationFeed.emit('revoked', ev);
    }
  })();
  return nc;
}

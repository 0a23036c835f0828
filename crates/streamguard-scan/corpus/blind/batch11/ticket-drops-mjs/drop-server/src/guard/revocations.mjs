import { connect, StringCodec } from 'nats';
import { config } from '../config.mjs';

// The accounts service publishes `revoked.jti.<jti>` and `revoked.sub.<sub>` the moment a token or a
// fan account is revoked (bot detection, chargeback). Each live guard registers its keys here.
const listeners = new Map();
const sc = StringCodec();

export async function startRevocationFeed() {
  const nc = await connect({ servers: config.natsUrl, name: 'drop-server' });
  const sub = nc.subscribe('revoked.>');
  (async () => {
    for await (const m of sub) {
      const key = m.subject.replace(/^revoked\./, '').replace('.', ':');
      for (const fn of listeners.get(key) ?? []) fn(sc.decode(m.data));
    }
  })();
  return nc;
}

export function onRevoked(keys, fn) {
  for (const k of keys) {
    if (!listeners.has(k)) listeners.set(k, new Set());
    listeners.get(k).add(fn);
  }
  return () => keys.forEach((k) => listeners.get(k)?.delete(fn));
}

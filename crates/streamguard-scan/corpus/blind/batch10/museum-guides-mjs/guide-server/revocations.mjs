import { EventEmitter } from 'node:events';
import { connect, StringCodec } from 'nats';

// Ticket revocations (refunds, ejected visitors) are pushed by the ticketing system on NATS.
export const revocations = new EventEmitter();
revocations.setMaxListeners(0);
const revoked = new Set();

export function isRevoked(ticket) {
  return revoked.has(`jti:${ticket.jti}`) || revoked.has(`sub:${ticket.sub}`);
}

export async function startRevocationFeed(url = process.env.NATS_URL ?? 'nats://nats:4222') {
  const nc = await connect({ servers: url });
  const sc = StringCodec();
  const sub = nc.subscribe('tickets.revoked');
  (async () => {
    for await (const m of sub) {
      const { jti, sub: subject } = JSON.parse(sc.decode(m.data));
      if (jti) revoked.add(`jti:${jti}`);
      if (subject) revoked.add(`sub:${subject}`);
      revocations.emit('revoked', { jti, sub: subject });
    }
  })();
  return nc;
}

import { EventEmitter } from 'node:events';
import { connect, StringCodec } from 'nats';
import { applyMembershipChange } from './acl.js';

export const revocations = new EventEmitter();
revocations.setMaxListeners(0);

export async function startRevocationFeed(url) {
  const nc = await connect({ servers: url });
  const sc = StringCodec();
  const sub = nc.subscribe('auth.revoked');
  (async () => {
    for await (const m of sub) {
      const { jti, sub: subject } = JSON.parse(sc.decode(m.data));
      if (jti) revocations.emit(`jti:${jti}`);
      if (subject) revocations.emit(`sub:${subject}`);
    }
  })();
  const aclSub = nc.subscribe('acl.changed');
  (async () => {
    for await (const m of aclSub) applyMembershipChange(JSON.parse(sc.decode(m.data)));
  })();
  return nc;
}

export function onRevoked(user, fn) {
  revocations.on(`jti:${user.jti}`, fn);
  revocations.on(`sub:${user.sub}`, fn);
  return () => {
    revocations.off(`jti:${user.jti}`, fn);
    revocations.off(`sub:${user.sub}`, fn);
  };
}

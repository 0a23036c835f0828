import grpc from '@grpc/grpc-js';
import { canEdit } from '../acl.js';
import { authenticate } from '../auth.js';
import { hub } from '../hub.js';
import { connectionLimiter, releaseConnection } from '../ratelimit.js';
import { saveSnapshot } from '../store/docsClient.js';

const IDLE_MS = Number(process.env.COLLAB_EDIT_IDLE_MS ?? 15 * 60_000);
const SNAPSHOT_EVERY = 200;
const SNAPSHOT_TIMEOUT_MS = 10_000;

export async function edit(call) {
  const user = await authenticate(call.metadata);
  if (!user) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'invalid credentials' });
    return;
  }

  const peer = call.getPeer();
  const limiter = connectionLimiter(peer);
  const ac = new AbortController();
  call.on('cancelled', () => ac.abort());

  let idle;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      call.destroy({ code: grpc.status.DEADLINE_EXCEEDED, details: 'idle_timeout' });
    }, IDLE_MS);
  };
  touch();

  let session = null;
  try {
    for await (const msg of call) {
      touch();
      if (!limiter.take()) {
        call.write({ error: { code: 'RESOURCE_EXHAUSTED', message: 'too many operations' } });
        continue;
      }

      if (msg.join) {
        if (session) continue;
        if (!(await canEdit(user.sub, msg.join.docId))) {
          call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'not an editor of this document' });
          return;
        }
        session = hub.join(msg.join.docId, user, (ev) => call.write({ remote: ev }));
        call.write({ ack: { docId: msg.join.docId, version: session.doc.version } });
        continue;
      }

      if (!session) {
        call.write({ error: { code: 'FAILED_PRECONDITION', message: 'join a document first' } });
        continue;
      }

      if (msg.op) {
        const doc = hub.doc(msg.op.docId);
        const version = doc.apply(msg.op, user.sub);
        call.write({ ack: { docId: doc.id, version } });
        if (doc.unsaved >= SNAPSHOT_EVERY) {
          await saveSnapshot(doc.id, doc.snapshot(), { signal: ac.signal, timeoutMs: SNAPSHOT_TIMEOUT_MS }).catch((err) => {
            call.write({ error: { code: 'UNAVAILABLE', message: `snapshot failed: ${err.message}` } });
          });
        }
      } else if (msg.cursor) {
        hub.presence.emit(`presence:${msg.cursor.docId}`, { docId: msg.cursor.docId, user: user.name, state: 'cursor', anchor: msg.cursor.anchor, head: msg.cursor.head });
      }
    }
    call.end();
  } finally {
    clearTimeout(idle);
    session?.leave();
    releaseConnection(peer);
  }
}

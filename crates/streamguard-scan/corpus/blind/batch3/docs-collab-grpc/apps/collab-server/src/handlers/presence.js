import grpc from '@grpc/grpc-js';
import { canView } from '../acl.js';
import { authenticate } from '../auth.js';
import { hub } from '../hub.js';
import { onRevoked } from '../revocations.js';

export async function watchPresence(call) {
  const user = await authenticate(call.metadata);
  if (!user) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'invalid credentials' });
    return;
  }
  const { docId } = call.request;
  if (!(await canView(user.sub, docId))) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'no access' });
    return;
  }

  const expiry = setTimeout(() => {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'token_expired' });
  }, Math.max(0, user.exp * 1000 - Date.now()));
  const unRevoke = onRevoked(user, () => {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked' });
  });

  const forward = (ev) => call.write(ev);
  hub.presence.on(`presence:${docId}`, forward);

  const cleanup = () => {
    clearTimeout(expiry);
    unRevoke();
    hub.presence.off(`presence:${docId}`, forward);
  };
  call.on('cancelled', cleanup);
  call.on('close', cleanup);
  call.on('error', cleanup);
}

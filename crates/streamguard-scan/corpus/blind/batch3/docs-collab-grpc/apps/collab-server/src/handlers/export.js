import grpc from '@grpc/grpc-js';
import { canView } from '../acl.js';
import { authenticate } from '../auth.js';
import { exportStream } from '../store/docsClient.js';

function callSignal(call) {
  const ac = new AbortController();
  call.on('cancelled', () => ac.abort());
  const d = call.getDeadline();
  const at = d instanceof Date ? d.getTime() : d;
  if (!Number.isFinite(at)) return ac.signal;
  return AbortSignal.any([ac.signal, AbortSignal.timeout(Math.max(0, at - Date.now()))]);
}

export async function exportDocument(call) {
  const user = await authenticate(call.metadata);
  if (!user) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'invalid credentials' });
    return;
  }
  const { docId, format } = call.request;
  if (!(await canView(user.sub, docId))) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'no access' });
    return;
  }
  const signal = callSignal(call);
  try {
    for await (const chunk of exportStream(docId, format || 'markdown', { signal })) {
      call.write({ data: chunk, last: false });
    }
    call.write({ data: Buffer.alloc(0), last: true });
    call.end();
  } catch (err) {
    if (!signal.aborted) call.destroy({ code: grpc.status.UNAVAILABLE, details: err.message });
  }
}

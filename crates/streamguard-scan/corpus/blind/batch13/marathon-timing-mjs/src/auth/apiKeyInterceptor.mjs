import grpc from '@grpc/grpc-js';
import crypto from 'node:crypto';
import { pool } from '../db.mjs';

// Mat readers authenticate with a per-reader API key. The interceptor
// resolves the key and hands the reader id to the handler in metadata.
export const readers = new Map();

async function lookup(key) {
  const hash = crypto.createHash('sha256').update(key).digest('hex');
  const r = await pool.query(
    'SELECT reader_id, mats FROM reader_keys WHERE key_hash=$1 AND disabled_at IS NULL',
    [hash],
  );
  return r.rows[0];
}

export function readerKeyInterceptor(methodDescriptor, call) {
  if (methodDescriptor.path !== '/timing.v1.RaceTiming/ReaderFeed') {
    return new grpc.ServerInterceptingCall(call);
  }
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          const key = metadata.get('x-reader-key')[0];
          lookup(String(key ?? ''))
            .then((row) => {
              if (!row) {
                call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'unknown reader key', metadata: new grpc.Metadata() });
                return;
              }
              readers.set(row.reader_id, { id: row.reader_id, mats: row.mats });
              metadata.remove('x-reader-key');
              metadata.set('x-reader-id', row.reader_id);
              mdNext(metadata);
            })
            .catch((err) => call.sendStatus({ code: grpc.status.UNAVAILABLE, details: err.message, metadata: new grpc.Metadata() }));
        },
      });
    },
  });
}

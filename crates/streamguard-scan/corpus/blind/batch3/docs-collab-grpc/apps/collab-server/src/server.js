import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { edit } from './handlers/edit.js';
import { exportDocument } from './handlers/export.js';
import { watchPresence } from './handlers/presence.js';
import { loadMemberships } from './acl.js';
import { startRevocationFeed } from './revocations.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const protoDir = path.resolve(here, '../../../proto');

const def = protoLoader.loadSync(path.join(protoDir, 'collab/v1/collab.proto'), {
  keepCase: false,
  defaults: true,
  oneofs: true,
  longs: Number,
});
const { collab } = grpc.loadPackageDefinition(def);

await loadMemberships(process.env.COLLAB_DATABASE_URL);
await startRevocationFeed(process.env.NATS_URL ?? 'nats://nats.collab.svc:4222');

const server = new grpc.Server({
  'grpc.max_connection_idle_ms': 5 * 60_000,
  'grpc.keepalive_time_ms': 45_000,
});

server.addService(collab.v1.Collab.service, {
  Edit: edit,
  WatchPresence: watchPresence,
  ExportDocument: exportDocument,
});

server.bindAsync(process.env.COLLAB_LISTEN ?? '0.0.0.0:7070', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`collab listening on ${port}`);
});

import grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { config } from './lib/config.mjs';
import { startRevocations } from './lib/guard.mjs';
import { makeWatchShow } from './handlers/watch.mjs';
import { makeCueSession } from './handlers/cues.mjs';
import { makeExportLog } from './handlers/export.mjs';

const require = createRequire(import.meta.url);
const { ShowControlService } = require('./generated/show_grpc_pb.js');

await startRevocations();

const server = new grpc.Server({
  'grpc.max_connection_age_ms': 60 * 60_000,
  'grpc.max_connection_age_grace_ms': 15_000,
  'grpc.keepalive_time_ms': 20_000,
});

server.addService(ShowControlService, {
  watchShow: makeWatchShow(),
  cueSession: makeCueSession(),
  exportLog: makeExportLog(),
});

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`show control on :${port}`);
});

import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import pg from 'pg';
import { config } from './config.mjs';
import { startRevocationFeed } from './guard/revocations.mjs';
import { makeWatchDrop } from './handlers/watchDrop.mjs';
import { makeClaimSession } from './handlers/claimSession.mjs';
import { makeExportOrders } from './handlers/exportOrders.mjs';

const require = createRequire(import.meta.url);
const { DropsService } = require('./gen/drops_grpc_pb.js');

const db = new pg.Pool({ connectionString: config.pgUrl, max: 20 });
await startRevocationFeed();

const server = new grpc.Server({
  'grpc.max_connection_age_ms': 30 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 15 * 1000,
});
server.addService(DropsService, {
  watchDrop: makeWatchDrop(),
  claimSession: makeClaimSession({ db }),
  exportOrders: makeExportOrders({ db }),
});
server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) throw err;
  console.log('drop-server on', config.listen);
});

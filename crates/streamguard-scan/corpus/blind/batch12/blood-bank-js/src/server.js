'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./config');
const { watchStock } = require('./handlers/stock');
const { crossmatchSession } = require('./handlers/crossmatch');
const { listExpiring, getUnit } = require('./handlers/expiring');

const packageDef = protoLoader.loadSync(path.join(__dirname, '../proto/bloodbank.proto'), {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
});
const { bloodbank } = grpc.loadPackageDefinition(packageDef);

function main() {
  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 30_000,
    'grpc.max_connection_idle_ms': 10 * 60_000,
  });
  server.addService(bloodbank.v1.Inventory.service, {
    GetUnit: getUnit,
    WatchStock: watchStock,
    CrossmatchSession: crossmatchSession,
    ListExpiring: listExpiring,
  });
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) throw err;
    console.log(`inventory listening on ${port}`);
  });
}

main();

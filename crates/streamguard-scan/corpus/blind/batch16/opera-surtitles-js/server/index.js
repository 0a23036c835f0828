'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./config');
const { guarded } = require('./guarded');
const { watchCues, listProductions } = require('./handlers/cues');
const { cueDeck } = require('./handlers/deck');
const log = require('pino')({ name: 'surtitle-server' });

const def = protoLoader.loadSync(path.join(__dirname, '..', 'proto', 'surtitle', 'v1', 'surtitle.proto'), {
  keepCase: false, longs: String, enums: String, defaults: true, oneofs: true,
});
const { surtitle } = grpc.loadPackageDefinition(def);

function main() {
  const server = new grpc.Server({
    'grpc.max_connection_idle_ms': 10 * 60 * 1000,
    'grpc.keepalive_time_ms': 30000,
    'grpc.keepalive_timeout_ms': 10000,
  });

  server.addService(surtitle.v1.Surtitles.service, {
    watchCues: guarded('cues:read', watchCues),
    cueDeck: guarded('deck:operate', cueDeck),
    listProductions,
  });

  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) { log.fatal(err); process.exit(1); }
    log.info({ port }, 'surtitle server listening');
  });
}

main();

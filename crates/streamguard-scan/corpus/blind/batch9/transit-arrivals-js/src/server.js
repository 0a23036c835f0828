'use strict';
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./lib/config');
const log = require('./lib/log');
const revocations = require('./lib/revocations');
const registry = require('./registry');

const def = protoLoader.loadSync(path.join(__dirname, '../proto/transit/v1/arrivals.proto'), {
  keepCase: false, longs: Number, enums: String, defaults: true,
});
const pkg = grpc.loadPackageDefinition(def).transit.v1;

function main() {
  revocations.start();
  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 60_000,
    'grpc.keepalive_timeout_ms': 20_000,
    'grpc.max_connection_idle_ms': 10 * 60_000,
  });
  server.addService(pkg.Arrivals.service, registry.arrivals);
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      log.fatal({ err }, 'bind failed');
      process.exit(1);
    }
    log.info({ port }, 'arrivals listening');
  });
  const stop = () => server.tryShutdown(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();

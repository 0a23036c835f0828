'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const log = require('pino')({ name: 'wire-server' });
const config = require('./lib/config');
const bus = require('./lib/bus');
const { wireFeedImpl } = require('./services/registry');

const def = protoLoader.loadSync(path.join(__dirname, '../proto/wire/v1/wire.proto'), {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [path.join(__dirname, '../node_modules/google-proto-files')],
});
const { wire } = grpc.loadPackageDefinition(def);

async function main() {
  await bus.start();
  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    'grpc.max_connection_idle_ms': 15 * 60_000,
    'grpc.max_receive_message_length': 4 * 1024 * 1024,
  });
  server.addService(wire.v1.WireFeed.service, wireFeedImpl());
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      log.fatal({ err }, 'bind failed');
      process.exit(1);
    }
    log.info({ port }, 'wire-server listening');
  });

  const shutdown = () => server.tryShutdown(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  log.fatal({ err }, 'startup failed');
  process.exit(1);
});

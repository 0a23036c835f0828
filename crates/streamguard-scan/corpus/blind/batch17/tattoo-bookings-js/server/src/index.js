'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./config');
const handlers = require('./registry');
const log = require('./log');

const packageDef = protoLoader.loadSync(path.join(__dirname, '../../proto/studio.proto'), {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
});
const { Studio } = grpc.loadPackageDefinition(packageDef).tattoo.studio.v1;

const server = new grpc.Server({
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.max_connection_idle_ms': 15 * 60_000,
});
server.addService(Studio.service, handlers);

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    log.fatal({ err }, 'bind failed');
    process.exit(1);
  }
  log.info({ port }, 'studio server listening');
});

process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));

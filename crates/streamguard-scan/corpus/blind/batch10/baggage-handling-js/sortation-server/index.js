'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const log = require('pino')({ name: 'sortation' });
const config = require('./config');
const handlers = require('./registry');

const def = protoLoader.loadSync(path.join(__dirname, '../proto/baggage/v1/baggage.proto'), {
  keepCase: false,
  longs: String,
  defaults: true,
  oneofs: true,
});
const { baggage } = grpc.loadPackageDefinition(def);

function main() {
  const server = new grpc.Server({
    'grpc.max_connection_idle_ms': 10 * 60 * 1000,
    'grpc.keepalive_time_ms': 30000,
    'grpc.max_receive_message_length': 1024 * 1024,
  });
  server.addService(baggage.v1.BaggageService.service, handlers);
  server.bindAsync(`0.0.0.0:${config.port}`, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      log.fatal(err, 'bind failed');
      process.exit(1);
    }
    log.info({ port }, 'sortation server listening');
  });
  process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
}

main();

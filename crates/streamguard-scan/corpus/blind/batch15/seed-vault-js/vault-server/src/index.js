'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const pino = require('pino');
const config = require('./config');
const { register } = require('./registry');

const log = pino({ name: 'vault-server' });

const def = protoLoader.loadSync(
  path.join(__dirname, '../../proto/seedvault/v1/vault.proto'),
  { keepCase: false, longs: Number, enums: String, defaults: true, oneofs: true },
);
const pkg = grpc.loadPackageDefinition(def).seedvault.v1;

function main() {
  const server = new grpc.Server({
    'grpc.max_connection_idle_ms': 10 * 60 * 1000,
    'grpc.keepalive_time_ms': 60 * 1000,
    'grpc.keepalive_timeout_ms': 20 * 1000,
    'grpc.max_receive_message_length': 1024 * 1024,
  });
  register(server, pkg);
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      log.error({ err }, 'bind failed');
      process.exit(1);
    }
    log.info({ port }, 'vault-server listening');
  });

  process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
}

main();

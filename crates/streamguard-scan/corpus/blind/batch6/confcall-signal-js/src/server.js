'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const log = require('pino')({ name: 'signal' });
const config = require('./config');
const { requireBearer } = require('./auth/interceptor');
const { joinRoom } = require('./handlers/joinRoom');
const { watchRoster } = require('./handlers/watchRoster');
const { listRooms } = require('./handlers/listRooms');

const packageDefinition = protoLoader.loadSync(path.join(__dirname, '../proto/signal/v1/signal.proto'), {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const { Signalling } = grpc.loadPackageDefinition(packageDefinition).huddle.signal.v1;

function main() {
  const server = new grpc.Server({
    interceptors: [requireBearer],
    'grpc.max_connection_age_ms': config.maxConnectionAgeMs,
    'grpc.max_connection_age_grace_ms': 15_000,
    'grpc.keepalive_time_ms': 20_000,
  });

  server.addService(Signalling.service, {
    JoinRoom: joinRoom,
    WatchRoster: watchRoster,
    ListRooms: listRooms,
  });

  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      log.fatal({ err }, 'bind failed');
      process.exit(1);
    }
    log.info({ port }, 'signalling listening');
  });

  const shutdown = () => server.tryShutdown(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();

'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const pino = require('pino')();
const config = require('./config');
const { withPunter, withPunterUnary } = require('./auth/punter');
const { watchPools } = require('./handlers/pools');
const { placeBets } = require('./handlers/bets');
const { listResults, getMeeting } = require('./handlers/results');

const def = protoLoader.loadSync(path.join(__dirname, '../../proto/tote/v1/tote.proto'), {
  keepCase: false,
  longs: Number,
  defaults: true,
  oneofs: true,
  includeDirs: [path.join(__dirname, '../../proto')],
});
const { tote } = grpc.loadPackageDefinition(def);

const server = new grpc.Server({
  'grpc.max_connection_idle_ms': 10 * 60 * 1000,
  'grpc.keepalive_time_ms': 30000,
  'grpc.max_receive_message_length': 1 << 20,
});

server.addService(tote.v1.Tote.service, {
  watchPools: withPunter(watchPools),
  placeBets: withPunter(placeBets),
  listResults: withPunter(listResults),
  getMeeting: withPunterUnary((call, cb) => getMeeting(call, cb)),
});

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  pino.info({ port }, 'tote server listening');
});

process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));

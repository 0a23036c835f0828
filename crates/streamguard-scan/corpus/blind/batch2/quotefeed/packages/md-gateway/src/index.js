'use strict';

const grpc = require('@grpc/grpc-js');
const pino = require('pino');
const services = require('../gen/marketdata_grpc_pb');
const handlers = require('./handlers');

const log = pino({ name: 'md-gateway' });
const PORT = process.env.MD_GATEWAY_PORT || '7401';

function main() {
  const server = new grpc.Server({
    'grpc.max_send_message_length': 4 * 1024 * 1024,
    'grpc.keepalive_permit_without_calls': 1,
  });

  server.addService(services.MarketDataService, {
    getSnapshot: handlers.getSnapshot,
    listInstruments: handlers.listInstruments,
    streamQuotes: handlers.streamQuotes,
  });

  server.bindAsync(`0.0.0.0:${PORT}`, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      log.fatal({ err }, 'bind failed');
      process.exit(1);
    }
    log.info({ port }, 'md-gateway listening');
  });

  process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
}

main();

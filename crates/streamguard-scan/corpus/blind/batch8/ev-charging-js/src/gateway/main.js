'use strict';

const grpc = require('@grpc/grpc-js');
const fs = require('node:fs');
const protos = require('../lib/protos');
const config = require('../lib/config');
const log = require('../lib/logger');
const { chargePointsImpl } = require('./services');

function credentials() {
  if (!process.env.TLS_CERT) return grpc.ServerCredentials.createInsecure();
  return grpc.ServerCredentials.createSsl(null, [
    { cert_chain: fs.readFileSync(process.env.TLS_CERT), private_key: fs.readFileSync(process.env.TLS_KEY) },
  ]);
}

function main() {
  const { ChargePoints } = protos.charging();
  const server = new grpc.Server({
    // Chargers sit behind flaky LTE modems; keep the link warm.
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.max_receive_message_length': 256 * 1024,
  });
  server.addService(ChargePoints.service, chargePointsImpl());
  server.bindAsync(config.listen, credentials(), (err, port) => {
    if (err) {
      log.fatal({ err: err.message }, 'bind failed');
      process.exit(1);
    }
    log.info({ port }, 'charge gateway listening');
  });

  const shutdown = () => server.tryShutdown(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();

'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./config');
const { authInterceptor } = require('./interceptors/auth');
const telemetry = require('./handlers/telemetry');

function loadService() {
  const def = protoLoader.loadSync(path.join(config.protoRoot, 'fleet/v1/telemetry.proto'), {
    keepCase: false,
    longs: String,
    defaults: true,
    includeDirs: [config.protoRoot],
  });
  return grpc.loadPackageDefinition(def).fleet.v1.TelemetryIngest.service;
}

function main() {
  const server = new grpc.Server({
    interceptors: [authInterceptor(config)],
    'grpc.max_connection_age_ms': 15 * 60 * 1000,
    'grpc.max_connection_age_grace_ms': 30 * 1000,
    'grpc.keepalive_time_ms': 60 * 1000,
  });
  server.addService(loadService(), telemetry);
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      console.error('bind failed', err);
      process.exit(1);
    }
    console.log(`ingest-gateway listening on ${port}`);
  });

  const shutdown = () => server.tryShutdown(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();

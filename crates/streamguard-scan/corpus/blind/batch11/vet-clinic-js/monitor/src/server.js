'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./config');
const { watchPatient } = require('./handlers/watch');
const { streamCageTelemetry } = require('./handlers/telemetry');
const { listVisits, getPatient } = require('./handlers/visits');

const def = protoLoader.loadSync(config.protoPath, { keepCase: false, longs: Number, defaults: true, oneofs: true });
const vetmon = grpc.loadPackageDefinition(def).vetmon.v1;

function main() {
  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 60000,
    'grpc.max_connection_idle_ms': 15 * 60 * 1000,
  });
  server.addService(vetmon.Monitor.service, {
    WatchPatient: watchPatient,
    StreamCageTelemetry: streamCageTelemetry,
    ListVisits: listVisits,
    GetPatient: getPatient,
  });
  server.bindAsync(`0.0.0.0:${config.port}`, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) throw err;
    console.log(`vetmon listening on ${port}`);
  });
}

main();

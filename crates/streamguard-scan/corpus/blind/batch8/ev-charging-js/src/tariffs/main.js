'use strict';

const grpc = require('@grpc/grpc-js');
const protos = require('../lib/protos');
const config = require('../lib/config');
const log = require('../lib/logger');
const { watchTariffs, getTariff } = require('./watchTariffs');

// The pricing box is only reachable from the roaming hub's VPN; there is no
// caller authentication on this port.
const { Tariffs } = protos.tariffs();
const server = new grpc.Server({
  'grpc.max_connection_idle_ms': 10 * 60 * 1000,
  'grpc.keepalive_time_ms': 60_000,
});
server.addService(Tariffs.service, { watchTariffs, getTariff });
server.bindAsync(config.tariffsListen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  log.info({ port }, 'tariffs listening');
});

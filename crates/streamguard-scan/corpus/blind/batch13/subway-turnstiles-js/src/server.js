'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const log = require('pino')({ name: 'turnstiles' });
const config = require('./config');
const { gateLink } = require('./handlers/gateLink');
const { watchStation } = require('./handlers/watchStation');
const { listTaps } = require('./handlers/listTaps');
const { pool } = require('./db');

const def = protoLoader.loadSync(
  path.join(__dirname, '../proto/turnstile/v1/turnstile.proto'),
  { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true },
);
const pkg = grpc.loadPackageDefinition(def).turnstile.v1;

async function getGate(call, callback) {
  const r = await pool.query('SELECT gate_id, station_id, state FROM gates WHERE gate_id=$1', [
    call.request.gateId,
  ]);
  if (!r.rows.length) return callback({ code: grpc.status.NOT_FOUND });
  const g = r.rows[0];
  callback(null, { gateId: g.gate_id, stationId: g.station_id, state: g.state });
}

function main() {
  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 20_000,
    'grpc.keepalive_timeout_ms': 5_000,
    'grpc.max_connection_idle_ms': 10 * 60_000,
  });
  server.addService(pkg.Turnstiles.service, {
    gateLink,
    watchStation,
    listTaps,
    getGate,
  });
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) throw err;
    log.info({ port }, 'turnstile server listening');
  });
}

main();

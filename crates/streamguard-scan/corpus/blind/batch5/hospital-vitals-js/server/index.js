'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const pino = require('pino');
const config = require('./config');
const { lookupPatient } = require('./ehrClient');

const log = pino({ name: 'vitals' });
const def = protoLoader.loadSync(path.join(__dirname, '..', 'proto', 'vitals.proto'), { keepCase: false, longs: Number });
const { Vitals } = grpc.loadPackageDefinition(def).ward.vitals.v1;

const server = new grpc.Server({
  'grpc.keepalive_time_ms': 30000,
  'grpc.max_connection_idle_ms': 15 * 60 * 1000,
});

server.addService(Vitals.service, {
  watchPatient: require('./handlers/watchPatient'),
  streamBedside: require('./handlers/bedside'),
  listAlarms: require('./handlers/alarms'),
  getPatient: (call, callback) => {
    lookupPatient(call.request.patientId, { deadline: Date.now() + 5000 })
      .then((p) => callback(null, p))
      .catch((err) => callback(err));
  },
});

server.bindAsync(`0.0.0.0:${config.port}`, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  log.info({ port }, 'vitals listening');
});

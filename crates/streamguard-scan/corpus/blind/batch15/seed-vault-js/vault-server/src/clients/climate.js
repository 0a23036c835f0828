'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('../config');

const def = protoLoader.loadSync(path.join(__dirname, '../../../proto/climate/v1/climate.proto'), {
  keepCase: false,
  defaults: true,
});
const { ClimateController } = grpc.loadPackageDefinition(def).climate.v1;

const client = new ClimateController(config.climateAddr, grpc.credentials.createInsecure());

// Reads the cold-room sensors of one vault. The controller is slow when the
// compressors cycle, so give it a few seconds.
function readSensors(vaultId, cb) {
  client.readSensors({ roomId: vaultId }, { deadline: Date.now() + 4000 }, cb);
}

module.exports = { readSensors };

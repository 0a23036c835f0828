'use strict';

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const path = require('node:path');
const config = require('../config');

const def = protoLoader.loadSync(path.join(__dirname, '../../proto/serology.proto'), {
  keepCase: false,
  longs: String,
  defaults: true,
});
const { serology } = grpc.loadPackageDefinition(def);

const lab = new serology.v1.Serology(config.labAddr, grpc.credentials.createInsecure());

module.exports = { lab };

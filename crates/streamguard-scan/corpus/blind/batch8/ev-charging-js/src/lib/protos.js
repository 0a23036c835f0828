'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_DIR = path.join(__dirname, '..', '..', 'proto');

function load(file) {
  const def = protoLoader.loadSync(path.join(PROTO_DIR, file), {
    keepCase: false,
    longs: Number,
    enums: String,
    defaults: true,
    oneofs: true,
    includeDirs: [PROTO_DIR],
  });
  return grpc.loadPackageDefinition(def).evcharge.v1;
}

module.exports = {
  charging: () => load('evcharge/v1/charging.proto'),
  tariffs: () => load('evcharge/v1/tariffs.proto'),
};

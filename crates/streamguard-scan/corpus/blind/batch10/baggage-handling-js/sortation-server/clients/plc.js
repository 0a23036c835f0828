'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('../config');

const def = protoLoader.loadSync(path.join(__dirname, '../../proto/plc/v1/plc.proto'), { keepCase: false });
const { plc } = grpc.loadPackageDefinition(def);

const client = new plc.v1.Diverter(config.plcAddress, grpc.credentials.createInsecure());

// Routes a bag to a chute. `parent` ties the PLC call to the incoming call.
function divert(parent, bagTag, beltId, destination) {
  return new Promise((resolve, reject) => {
    client.divert({ bagTag, beltId, destination }, { parent }, (err, reply) => {
      if (err) return reject(err);
      resolve(reply);
    });
  });
}

module.exports = { divert };

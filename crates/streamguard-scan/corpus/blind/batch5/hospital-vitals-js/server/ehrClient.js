'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./config');

const def = protoLoader.loadSync(path.join(__dirname, '..', 'proto', 'vitals.proto'), { keepCase: false, longs: Number });
const { Vitals } = grpc.loadPackageDefinition(def).ward.vitals.v1;

// The EHR gateway speaks the same Vitals service for patient lookups.
const ehr = new Vitals(config.ehrAddress, grpc.credentials.createSsl());

function lookupPatient(patientId, options) {
  return new Promise((resolve, reject) => {
    ehr.getPatient({ patientId }, options || {}, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

module.exports = { lookupPatient };

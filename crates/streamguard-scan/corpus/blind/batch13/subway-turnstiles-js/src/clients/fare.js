'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('../config');

const def = protoLoader.loadSync(path.join(__dirname, '../../proto/fare/v1/fare.proto'), {
  keepCase: false,
  longs: String,
  defaults: true,
});
const { FareEngine } = grpc.loadPackageDefinition(def).fare.v1;

const client = new FareEngine(config.fareEngine, grpc.credentials.createInsecure());

// The fare engine answers in ~40 ms; three seconds is generous for a gate.
const FARE_BUDGET_MS = 3000;

function authorizeFare(req) {
  let inner;
  const p = new Promise((resolve, reject) => {
    inner = client.authorize(req, { deadline: Date.now() + FARE_BUDGET_MS }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
  });
  return { promise: p, cancel: () => inner.cancel() };
}

module.exports = { authorizeFare };

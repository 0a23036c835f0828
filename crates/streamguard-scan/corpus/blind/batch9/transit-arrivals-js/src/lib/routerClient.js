'use strict';
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./config');

const def = protoLoader.loadSync(path.join(__dirname, '../../proto/transit/v1/router.proto'), {
  keepCase: false, longs: Number, defaults: true,
});
const { Router } = grpc.loadPackageDefinition(def).transit.v1;

let client;
function router() {
  if (!client) client = new Router(config.routerAddr, grpc.credentials.createInsecure());
  return client;
}

function route(req, options) {
  return new Promise((resolve, reject) => {
    router().route(req, options, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

module.exports = { route };

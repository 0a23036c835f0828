'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('../config');

const def = protoLoader.loadSync(path.join(__dirname, '..', '..', 'proto', 'projector', 'v1', 'projector.proto'), {
  keepCase: false, longs: String, enums: String, defaults: true,
});
const pkg = grpc.loadPackageDefinition(def).projector.v1;

let client;
function projector() {
  if (!client) client = new pkg.Projector(config.projectorAddr, grpc.credentials.createInsecure());
  return client;
}

/** Moves the proscenium projector to a cue; the call is a child of the incoming call. */
function showCue(parentCall, productionId, number) {
  return new Promise((resolve, reject) => {
    projector().showCue({ productionId, number }, { parent: parentCall }, (err, reply) => {
      if (err) reject(err); else resolve(reply);
    });
  });
}

module.exports = { showCue };

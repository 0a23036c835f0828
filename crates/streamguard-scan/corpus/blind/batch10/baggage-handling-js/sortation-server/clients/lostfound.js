'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('../config');

const def = protoLoader.loadSync(path.join(__dirname, '../../proto/lostfound/v1/lostfound.proto'));
const { lostfound } = grpc.loadPackageDefinition(def);
const client = new lostfound.v1.Claims(config.lostFoundAddress, grpc.credentials.createInsecure());

function openClaims(tags, parent) {
  return new Promise((resolve, reject) => {
    client.openClaims({ bagTags: tags }, { parent }, (err, reply) => (err ? reject(err) : resolve(reply.claims)));
  });
}

module.exports = { openClaims };

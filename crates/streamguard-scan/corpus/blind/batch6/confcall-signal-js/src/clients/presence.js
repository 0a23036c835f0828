'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('../config');

// presence.v1.Presence is owned by the identity team; we only need Lookup.
const def = protoLoader.loadSync(path.join(__dirname, '../../proto/vendor/presence.proto'), {
  keepCase: false, longs: String, defaults: true,
});
const { Presence } = grpc.loadPackageDefinition(def).presence.v1;

const client = new Presence(config.presenceAddr, grpc.credentials.createInsecure());

function lookupMany(userIds, deadline) {
  return new Promise((resolve, reject) => {
    client.lookupMany({ userIds }, { deadline }, (err, res) => (err ? reject(err) : resolve(res.entries)));
  });
}

module.exports = { lookupMany };

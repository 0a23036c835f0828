'use strict';

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./config');

const def = protoLoader.loadSync(config.protoPath, { keepCase: false, defaults: true });
const chat = grpc.loadPackageDefinition(def).chat.v1;

const client = new chat.Moderation(config.moderationAddr, grpc.credentials.createInsecure());

// Moderation is slow under load; five seconds is what the product team agreed on.
function review(req, cb) {
  client.review(req, { deadline: Date.now() + 5000 }, cb);
}

module.exports = { review, client, chat };

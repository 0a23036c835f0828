'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const config = require('./config');

const def = protoLoader.loadSync(path.join(__dirname, '../../proto/archive/v1/archive.proto'), {
  keepCase: false,
  longs: String,
  defaults: true,
});
const { archive } = grpc.loadPackageDefinition(def);

const client = new archive.v1.Archive(config.archiveAddr, grpc.credentials.createInsecure());

function promisify(method, req, options) {
  return new Promise((resolve, reject) => {
    client[method](req, options, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

module.exports = {
  client,
  /** Fetch with the archive's usual budget. */
  getStory(storyId) {
    return promisify('getStory', { storyId }, { deadline: Date.now() + config.archiveTimeoutMs });
  },
  /** Save a draft as part of the caller's call (deadline and cancellation follow the caller). */
  saveDraft(draft, parentCall) {
    return promisify('saveDraft', draft, { parent: parentCall });
  },
  updateStory(update, parentCall) {
    return promisify('updateStory', update, { parent: parentCall });
  },
};

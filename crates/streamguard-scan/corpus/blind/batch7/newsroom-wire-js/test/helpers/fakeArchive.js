'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(path.join(__dirname, '../../proto/archive/v1/archive.proto'), { defaults: true });
const { archive } = grpc.loadPackageDefinition(def);

/** Starts an in-memory archive; resolves to { server, port, stories }. */
function startFakeArchive() {
  const stories = new Map();
  const server = new grpc.Server();
  server.addService(archive.v1.Archive.service, {
    getStory(call, cb) {
      const s = stories.get(call.request.storyId);
      if (!s) return cb({ code: grpc.status.NOT_FOUND, details: 'no such story' });
      cb(null, s);
    },
    saveDraft(call, cb) {
      cb(null, { draftId: call.request.draftId });
    },
    updateStory(call, cb) {
      const s = { ...(stories.get(call.request.storyId) || {}), ...call.request };
      stories.set(call.request.storyId, s);
      cb(null, s);
    },
  });
  return new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
      if (err) return reject(err);
      resolve({ server, port, stories });
    });
  });
}

module.exports = { startFakeArchive };

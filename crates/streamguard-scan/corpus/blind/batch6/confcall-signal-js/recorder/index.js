'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { uploadChunks, watchRecorder } = require('./handlers');

const def = protoLoader.loadSync(path.join(__dirname, '../proto/recording/v1/recording.proto'), {
  keepCase: false, longs: String, defaults: true,
});
const { Recording } = grpc.loadPackageDefinition(def).huddle.recording.v1;

// The recorder listens on the private media network only; the SFUs and the ops
// dashboard reach it over the mesh, so there is no end-user auth here.
const server = new grpc.Server({ 'grpc.max_receive_message_length': 16 * 1024 * 1024 });
server.addService(Recording.service, {
  uploadChunks,
  watchRecorder,
});

server.bindAsync(process.env.RECORDER_LISTEN || '10.20.0.5:7600', grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) throw err;
  console.log('recorder ready');
});

'use strict';

const grpc = require('@grpc/grpc-js');
const services = require('./gen/chat_grpc_pb');
const messages = require('./gen/chat_pb');

const BLOCKLIST = (process.env.MOD_BLOCKLIST || '').split(',').filter(Boolean);

function review(call, callback) {
  const body = call.request.getBody().toLowerCase();
  const verdict = new messages.ReviewVerdict();
  const hit = BLOCKLIST.find((w) => body.includes(w));
  verdict.setAllowed(!hit);
  verdict.setReason(hit ? `blocked word: ${hit}` : '');
  callback(null, verdict);
}

const server = new grpc.Server();
server.addService(services.ModerationService, { review });
server.bindAsync(process.env.MOD_LISTEN || '0.0.0.0:7500', grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) throw err;
});

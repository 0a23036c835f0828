'use strict';

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { verifyBearer } = require('../auth');
const rooms = require('../rooms');
const config = require('../config');

const def = protoLoader.loadSync(config.protoPath, { defaults: true });
const chat = grpc.loadPackageDefinition(def).chat.v1;
// The history store speaks the same ChatRelay.History RPC; we proxy page by page.
const store = new chat.ChatRelay(config.historyStoreAddr, grpc.credentials.createInsecure());

const MAX_LIMIT = 500;

function history(call) {
  let claims;
  try {
    claims = verifyBearer(call.metadata);
  } catch (err) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: err.message });
    return;
  }
  const { room } = call.request;
  if (!rooms.canJoin(claims.sub, room)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `not a member of ${room}` });
    return;
  }
  const limit = Math.min(call.request.limit || 100, MAX_LIMIT);
  const upstream = store.history({ room, limit }, { deadline: call.getDeadline() });
  call.on('cancelled', () => upstream.cancel());
  upstream.on('data', (frame) => call.write(frame));
  upstream.on('end', () => call.end());
  upstream.on('error', (err) => call.destroy(err));
}

module.exports = history;

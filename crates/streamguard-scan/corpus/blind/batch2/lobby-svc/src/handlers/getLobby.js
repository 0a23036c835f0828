'use strict';

const grpc = require('@grpc/grpc-js');
const { registry } = require('../lobbies');

function getLobby(call, callback) {
  const state = registry.snapshot(call.request.lobbyId);
  if (!state) {
    callback({ code: grpc.status.NOT_FOUND, details: 'no such lobby' });
    return;
  }
  callback(null, state);
}

module.exports = { getLobby };

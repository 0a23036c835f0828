'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { joinLobby } = require('./handlers/joinLobby');
const { watchLobbies } = require('./handlers/watchLobbies');
const { getLobby } = require('./handlers/getLobby');

const def = protoLoader.loadSync(path.join(__dirname, '..', 'proto', 'lobby.proto'), {
  keepCase: false,
  defaults: true,
  oneofs: true,
});
const { arcade } = grpc.loadPackageDefinition(def);

function start(port = process.env.PORT || 7777) {
  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 20000,
    'grpc.keepalive_timeout_ms': 5000,
    'grpc.keepalive_permit_without_calls': 1,
  });
  server.addService(arcade.lobby.v1.Lobby.service, {
    GetLobby: getLobby,
    WatchLobbies: watchLobbies,
    JoinLobby: joinLobby,
  });
  return new Promise((resolve, reject) => {
    server.bindAsync(`0.0.0.0:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) => {
      if (err) return reject(err);
      console.log(`lobby-svc on :${bound}`);
      resolve(server);
    });
  });
}

if (require.main === module) {
  start().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

module.exports = { start };

'use strict';

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const fs = require('fs');
const config = require('./config');
const rooms = require('./rooms');
const join = require('./handlers/join');
const subscribeRoom = require('./handlers/subscribe');
const history = require('./handlers/history');

function main() {
  if (!config.jwtSecret) {
    console.error('RELAY_JWT_SECRET is not set; refusing to start');
    process.exit(2);
  }
  const membership = process.env.ROOMS_FILE ? JSON.parse(fs.readFileSync(process.env.ROOMS_FILE, 'utf8')) : [];
  rooms.load(membership);

  const def = protoLoader.loadSync(config.protoPath, { keepCase: false, longs: String, defaults: true });
  const chat = grpc.loadPackageDefinition(def).chat.v1;

  const server = new grpc.Server({
    'grpc.max_connection_idle_ms': 5 * 60 * 1000,
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
  });
  server.addService(chat.ChatRelay.service, {
    Join: join,
    SubscribeRoom: subscribeRoom,
    History: history,
  });
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      console.error(`cannot bind ${config.listen}: ${err.message}`);
      process.exit(1);
    }
    console.log(`chat-relay listening on :${port}`);
  });
}

main();

'use strict';

const grpc = require('@grpc/grpc-js');
const services = require('./generated/chat_grpc_pb');
const pb = require('./generated/chat_pb');
const rooms = require('./rooms');
const presence = require('./presence');
const hub = require('./hub');

function listRooms(call, callback) {
  const res = new pb.ListRoomsResponse();
  res.setRoomsList(hub.rooms());
  callback(null, res);
}

function start(port = process.env.PORT || 6565) {
  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 20000,
    'grpc.keepalive_timeout_ms': 5000,
    'grpc.http2.min_ping_interval_without_data_ms': 10000,
  });
  server.addService(services.ChatService, {
    converse: rooms.converse,
    history: rooms.history,
    watchPresence: presence.watchPresence,
    listRooms,
  });
  server.bindAsync(`0.0.0.0:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) => {
    if (err) {
      console.error('bind failed', err);
      process.exit(1);
    }
    console.log('chat server on', bound);
  });
  return server;
}

if (require.main === module) start();

module.exports = { start };

'use strict';

const test = require('node:test');
const assert = require('node:assert');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const path = require('path');

const def = protoLoader.loadSync(path.resolve(__dirname, '../../proto/chat/v1/chat.proto'), { defaults: true });
const chat = grpc.loadPackageDefinition(def).chat.v1;

// A fake relay that echoes forever; good enough to exercise the client library.
function startFake() {
  const server = new grpc.Server();
  server.addService(chat.ChatRelay.service, {
    Join(call) {
      call.on('data', (f) => call.write({ ...f, kind: 'ack' }));
    },
    SubscribeRoom(call) {
      let seq = 0;
      setInterval(() => call.write({ seq: ++seq, room: call.request.room }), 10);
    },
    History(call) {
      call.end();
    },
  });
  return new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve({ server, port })));
  });
}

test('client receives ack for every post', async () => {
  const { server, port } = await startFake();
  const client = new chat.ChatRelay(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = client.join();
  const got = [];
  await new Promise((resolve) => {
    call.on('data', (f) => {
      got.push(f);
      if (got.length === 2) resolve();
    });
    call.write({ kind: 'post', room: 'r', body: 'a' });
    call.write({ kind: 'post', room: 'r', body: 'b' });
  });
  call.cancel();
  assert.strictEqual(got.length, 2);
  server.forceShutdown();
});

'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');
const { Broadcaster, recent } = require('./lib/broadcaster');
const { consume } = require('./lib/kafka');

const def = loader.loadSync(path.join(__dirname, '../protos/accounts.proto'), { defaults: true, longs: Number });
const accounts = grpc.loadPackageDefinition(def).accounts;

const handlers = {
  subscribe(call) {
    new Broadcaster(call, call.request.kinds).start();
  },

  export(call) {
    call.emit('error', {
      code: grpc.status.UNIMPLEMENTED,
      details: 'export moved to the batch API',
    });
  },

  recent(call) {
    const kinds = new Set(call.request.kinds);
    for (const ev of recent) {
      if (!kinds.size || kinds.has(ev.kind)) call.write(ev);
    }
    call.end();
  },
};

const server = new grpc.Server();
server.addService(accounts.AccountEvents.service, handlers);
server.bindAsync('0.0.0.0:7002', grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) throw err;
  consume().catch((e) => {
    console.error('kafka consumer failed', e);
    process.exit(1);
  });
});

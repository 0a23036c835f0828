'use strict';

const grpc = require('@grpc/grpc-js');
const protos = require('../src/lib/protos');

// A billing stand-in for the gateway tests; it records what it was asked.
function startFakeBilling() {
  const calls = [];
  const { Billing } = protos.tariffs();
  const server = new grpc.Server();
  server.addService(Billing.service, {
    authorizeIdTag(call, cb) {
      calls.push(['authorizeIdTag', call.request]);
      cb(null, { status: call.request.idTag === 'BLOCKED' ? 'Blocked' : 'Accepted', transactionId: `tx-${calls.length}` });
    },
    recordMeter(call, cb) {
      calls.push(['recordMeter', call.request]);
      cb(null, {});
    },
    closeTransaction(call, cb) {
      calls.push(['closeTransaction', call.request]);
      cb(null, { costMinor: 1234 });
    },
  });
  return new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
      if (err) return reject(err);
      resolve({ port, calls, stop: () => server.forceShutdown() });
    });
  });
}

module.exports = { startFakeBilling };

'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { authInterceptor } = require('./interceptors');
const { routeOrders } = require('./routeOrders');
const venues = require('./venues');

const PROTO = path.resolve(__dirname, '../../../proto/orders.proto');
const def = protoLoader.loadSync(PROTO, { keepCase: false, longs: String, defaults: true, oneofs: true });
const { orders } = grpc.loadPackageDefinition(def);

function cancelAll(call, callback) {
  const accounts = String(call.metadata.get('x-auth-accounts')[0] || '').split(',');
  if (!accounts.includes(call.request.account)) {
    callback({ code: grpc.status.PERMISSION_DENIED, details: 'account not permitted' });
    return;
  }
  venues
    .cancelAll(call.request.account, { deadline: call.getDeadline() })
    .then((n) => callback(null, { cancelled: n }))
    .catch((err) => callback(err));
}

const server = new grpc.Server({
  interceptors: [authInterceptor],
  'grpc.max_connection_age_ms': 5 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 30 * 1000,
});

server.addService(orders.v1.OrderRouter.service, { routeOrders, cancelAll });

server.bindAsync(process.env.ROUTER_ADDR || '0.0.0.0:7410', grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) throw err;
  console.log('order-router up');
});

import * as grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { config } from '../shared/config.mjs';
import { apiKeyInterceptor } from './interceptor.mjs';
import { bridgeHandlers } from './handlers.mjs';

const require = createRequire(import.meta.url);
const services = require('../gen/cellar/v1/cellar_grpc_pb.js');

const server = new grpc.Server({
  interceptors: [apiKeyInterceptor],
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_permit_without_calls': 1,
});
server.addService(services.TankBridgeService, bridgeHandlers);
server.bindAsync(config.bridgeListen, grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) throw err;
  console.log(`tank bridge on ${config.bridgeListen}`);
});

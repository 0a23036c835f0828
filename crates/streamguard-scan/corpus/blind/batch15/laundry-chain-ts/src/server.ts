import * as grpc from '@grpc/grpc-js';
import { StoreOpsService as StoreOpsDefinition } from './generated/laundry';
import { StoreOpsService } from './services/storeOps';
import { authInterceptor } from './auth/interceptor';
import { config } from './config';

const server = new grpc.Server({
  interceptors: [authInterceptor],
  'grpc.max_connection_age_ms': 45 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 30 * 1000,
  'grpc.keepalive_time_ms': 30 * 1000,
});

server.addService(StoreOpsDefinition, new StoreOpsService());

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`store-ops listening on ${port}`);
});

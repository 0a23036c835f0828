import * as grpc from '@grpc/grpc-js';
import { WaitingRoomService as WaitingRoomDef } from '../generated/waitroom';
import { WaitingRoomService } from './handlers/queueService';
import { authInterceptor } from './interceptor';
import { revocations } from './revocations';
import { config } from './config';

function main(): void {
  revocations.start();
  const server = new grpc.Server({
    interceptors: [authInterceptor],
    'grpc.max_connection_age_ms': 45 * 60 * 1000,
    'grpc.max_connection_age_grace_ms': 15_000,
    'grpc.keepalive_time_ms': 20_000,
  });
  server.addService(WaitingRoomDef, new WaitingRoomService());
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      console.error(`bind ${config.listen}: ${err.message}`);
      process.exit(1);
    }
    console.log(`waiting room on :${port}`);
  });
}

main();

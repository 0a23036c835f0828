import * as grpc from '@grpc/grpc-js';
import { CoordinatorService } from '@runnerd/proto';
import { coordinator } from './service.js';
import { config } from './config.js';

const server = new grpc.Server({
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.http2.min_ping_interval_without_data_ms': 10_000,
});

server.addService(CoordinatorService, coordinator);

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error('failed to bind', err);
    process.exit(1);
  }
  console.log(`coordinator listening on ${port}`);
});

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => server.tryShutdown(() => process.exit(0)));
}

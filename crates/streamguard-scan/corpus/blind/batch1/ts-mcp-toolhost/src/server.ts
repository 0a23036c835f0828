import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { authInterceptor } from './interceptors/auth';
import { loggingInterceptor } from './interceptors/logging';
import { streamingHandlers } from './handlers/streaming';
import { unaryHandlers } from './handlers/unary';

const PROTO = path.resolve(__dirname, '../proto/mcp/v1/mcp.proto');

function loadServices() {
  const def = protoLoader.loadSync(PROTO, { longs: String, enums: String, defaults: true, oneofs: true });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (grpc.loadPackageDefinition(def) as any).mcp.v1;
}

export function createServer(): grpc.Server {
  const mcp = loadServices();
  const server = new grpc.Server({
    interceptors: [loggingInterceptor, authInterceptor],
    'grpc.max_connection_age_ms': 15 * 60 * 1000,
    'grpc.max_connection_age_grace_ms': 10 * 1000,
    'grpc.max_connection_idle_ms': 5 * 60 * 1000,
  });
  server.addService(mcp.McpStreaming.service, streamingHandlers);
  server.addService(mcp.Mcp.service, unaryHandlers);
  return server;
}

if (require.main === module) {
  const server = createServer();
  const addr = process.env.TOOLHOST_LISTEN ?? '0.0.0.0:50051';
  server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
    console.log(`toolhost listening on ${port}`);
  });
  const shutdown = () => server.tryShutdown(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

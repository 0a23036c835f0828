'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const pino = require('pino');

const { authInterceptor } = require('./auth');
const handlers = require('./handlers');

const log = pino({ name: 'mcp-tools' });

const packageDefinition = protoLoader.loadSync(path.join(__dirname, '..', 'proto', 'mcp.proto'), {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const { mcp } = grpc.loadPackageDefinition(packageDefinition);

function main() {
  const server = new grpc.Server({
    interceptors: [authInterceptor],
    'grpc.max_connection_age_ms': 10 * 60 * 1000,
    'grpc.max_connection_age_grace_ms': 30 * 1000,
    'grpc.keepalive_time_ms': 60 * 1000,
  });

  server.addService(mcp.v1.McpStreaming.service, {
    callToolWithProgress: handlers.callToolWithProgress,
    streamToolCalls: handlers.streamToolCalls,
    uploadToolInput: handlers.uploadToolInput,
    watchResource: handlers.watchResource,
  });

  const addr = process.env.LISTEN_ADDR || '0.0.0.0:50051';
  server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      log.error({ err }, 'bind failed');
      process.exit(1);
    }
    log.info({ port }, 'mcp-tools listening');
  });

  process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
}

main();

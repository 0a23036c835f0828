import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { bearerAuth } from './interceptors/auth.js';
import { exchange } from './handlers/exchange.js';
import { streamingHandlers } from './handlers/streaming.js';
import { listTools, callTool } from './tools/registry.js';

const PROTO_DIR = path.resolve(process.env.PROTO_DIR ?? '../proto');
const def = protoLoader.loadSync(path.join(PROTO_DIR, 'mcp/v1/mcp.proto'), {
  includeDirs: [PROTO_DIR],
  keepCase: false,
  longs: Number,
  defaults: true,
  oneofs: true,
});
const pkg = grpc.loadPackageDefinition(def) as any;

const server = new grpc.Server({
  interceptors: [bearerAuth],
  'grpc.max_connection_age_ms': 15 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 10 * 1000,
  'grpc.max_connection_idle_ms': 5 * 60 * 1000,
});

server.addService(pkg.mcp.v1.Mcp.service, { listTools, callTool });
server.addService(pkg.mcp.v1.McpStreaming.service, streamingHandlers);
server.addService(pkg.mcp.v1.McpJsonRpc.service, { exchange });

server.bindAsync(process.env.LISTEN ?? '0.0.0.0:50051', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(JSON.stringify({ msg: 'toolhub listening', port }));
});

'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { createBridge } = require('./lib/bridge');

const protoRoot = path.join(__dirname, '..', 'proto');
const def = protoLoader.loadSync(path.join(protoRoot, 'mcp/v1/mcp.proto'), { includeDirs: [protoRoot], keepCase: true });
const mcp = grpc.loadPackageDefinition(def).mcp.v1;

const server = new grpc.Server({ 'grpc.keepalive_time_ms': 60000 });
const bridge = createBridge({
  jwtSecret: process.env.BRIDGE_JWT_SECRET,
  toolBackend: process.env.TOOL_BACKEND || 'toolhub.internal:50051',
});

server.addService(mcp.McpJsonRpc.service, { Exchange: bridge.exchange });

server.bindAsync(process.env.BRIDGE_LISTEN || '0.0.0.0:50061', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log('legacy bridge on', port);
});

'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const TOOL_CALL_TIMEOUT_MS = 30000;

function createToolClient(address) {
  const protoRoot = path.join(__dirname, '..', '..', 'proto');
  const def = protoLoader.loadSync(path.join(protoRoot, 'mcp/v1/mcp.proto'), { includeDirs: [protoRoot], keepCase: true });
  const { Mcp } = grpc.loadPackageDefinition(def).mcp.v1;
  const client = new Mcp(address, grpc.credentials.createInsecure());

  return {
    callTool(name, args) {
      return new Promise((resolve, reject) => {
        client.CallTool(
          { name, arguments: args },
          { deadline: Date.now() + TOOL_CALL_TIMEOUT_MS },
          (err, res) => (err ? reject(err) : resolve(res)),
        );
      });
    },
    listTools() {
      return new Promise((resolve, reject) => {
        client.ListTools({}, { deadline: Date.now() + 5000 }, (err, res) => (err ? reject(err) : resolve(res.tools)));
      });
    },
  };
}

module.exports = { createToolClient };

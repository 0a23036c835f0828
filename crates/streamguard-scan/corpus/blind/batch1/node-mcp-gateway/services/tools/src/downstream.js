'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(path.join(__dirname, '..', 'proto', 'mcp.proto'), {
  keepCase: false,
  longs: String,
  defaults: true,
  oneofs: true,
});
const mcp = grpc.loadPackageDefinition(def).mcp.v1;

const executor = new mcp.Executor(
  process.env.EXECUTOR_ADDR || 'executor.internal:7443',
  grpc.credentials.createInsecure(),
);

function run(request, options) {
  return new Promise((resolve, reject) => {
    executor.run(request, options || {}, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

module.exports = { executor, run, mcp };

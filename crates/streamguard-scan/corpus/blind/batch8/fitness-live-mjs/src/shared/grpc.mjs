// The studio server loads classes.proto dynamically (plain objects, camelCase
// fields); the bike bridge and the CLIs use the grpc-tools static stubs, which
// are CommonJS and are bridged into ESM here.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const require = createRequire(import.meta.url);

export const classesPb = require('../generated/classes_pb.js');
export const classesGrpc = require('../generated/classes_grpc_pb.js');
export const bridgePb = require('../generated/bridge_pb.js');
export const bridgeGrpc = require('../generated/bridge_grpc_pb.js');

const PROTO_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'proto');

export function loadStudio() {
  const def = protoLoader.loadSync(path.join(PROTO_ROOT, 'studio/v1/classes.proto'), {
    longs: Number,
    defaults: true,
    oneofs: true,
    includeDirs: [PROTO_ROOT],
  });
  return grpc.loadPackageDefinition(def).studio.v1;
}

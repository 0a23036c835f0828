import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const def = protoLoader.loadSync(path.resolve(__dirname, '../../proto/transcode.proto'), {
  keepCase: false,
  longs: Number,
  defaults: true,
});

export const pkg = (grpc.loadPackageDefinition(def) as any).vidpipe.transcode.v1;

import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

const PROTO = fileURLToPath(new URL('../../protos/telemetry.proto', import.meta.url));
export const telemetry = grpc.loadPackageDefinition(
  protoLoader.loadSync(PROTO, { longs: Number, defaults: true }),
).telemetry.v2;

export const tsdb = new telemetry.Tsdb(
  process.env.TSDB_GRPC ?? 'tsdb:9090',
  grpc.credentials.createInsecure(),
);

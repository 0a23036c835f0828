import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { config } from '../config';

const def = protoLoader.loadSync(path.resolve(__dirname, '../../../proto/cas/v1/cas.proto'), {
  longs: Number,
  defaults: true,
});
const cas = (grpc.loadPackageDefinition(def) as any).cas.v1;

export interface ReadLogResponse {
  data: Buffer;
  eof: boolean;
}

export type LogStoreClient = grpc.Client & {
  readLog(
    req: { buildId: string; offset: number; limit: number },
    opts: grpc.CallOptions,
    cb: (err: grpc.ServiceError | null, res: ReadLogResponse) => void,
  ): grpc.ClientUnaryCall;
};

export function logStoreClient(): LogStoreClient {
  return new cas.LogStore(config.casTarget, grpc.credentials.createInsecure(), {
    'grpc.keepalive_time_ms': 30_000,
  });
}

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { promisify } from 'node:util';
import { config } from '../config';

const def = protoLoader.loadSync(path.resolve(__dirname, '../../../proto/cas/v1/cas.proto'), {
  longs: Number,
  defaults: true,
});
const pkg = (grpc.loadPackageDefinition(def) as any).cas.v1;

export class SchedulerClient {
  private readonly client: any;

  constructor(target = config.schedulerTarget) {
    this.client = new pkg.Scheduler(target, grpc.credentials.createInsecure());
  }

  status(buildId: string, opts: grpc.CallOptions): Promise<{ state: string; instanceName: string; startedMs: number; finishedMs: number }> {
    return promisify(this.client.status.bind(this.client))({ buildId }, opts);
  }

  queueStats(instanceName: string, opts: grpc.CallOptions): Promise<{ queued: number; executing: number; idleWorkers: number }> {
    return promisify(this.client.queueStats.bind(this.client))({ instanceName }, opts);
  }

  enqueue(req: Record<string, unknown>, opts: grpc.CallOptions): Promise<{ operation: string }> {
    return promisify(this.client.enqueue.bind(this.client))(req, opts);
  }
}

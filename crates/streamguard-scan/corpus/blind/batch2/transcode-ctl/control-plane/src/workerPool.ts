import * as grpc from '@grpc/grpc-js';
import { pkg } from './proto';

const WORKERS = (process.env.WORKERS ?? 'worker-0:8700,worker-1:8700').split(',');
const clients = WORKERS.map((addr) => new pkg.Worker(addr, grpc.credentials.createInsecure()));
const jobWorker = new Map<string, any>();

let rr = 0;

export function pickWorker(): any {
  const c = clients[rr % clients.length];
  rr += 1;
  return c;
}

export function remember(jobId: string, client: any): void {
  jobWorker.set(jobId, client);
}

export function workerFor(jobId: string): any | undefined {
  return jobWorker.get(jobId);
}

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { AgentState, startAdminServer } from './health';

const def = protoLoader.loadSync(path.resolve(__dirname, '../../proto/build/v1/build.proto'), { defaults: true, longs: Number });
const build = (grpc.loadPackageDefinition(def) as any).build.v1;

const state: AgentState = { slots: Number(process.env.AGENT_SLOTS ?? 4), busy: 0, draining: false, version: '5.0.2' };

function metadata(): grpc.Metadata {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.AGENT_TOKEN ?? ''}`);
  return md;
}

function followQueue(client: any, instance: string): void {
  const stream = client.watchQueue({ instanceName: instance }, metadata());
  stream.on('data', (snap: any) => {
    if (snap.queued > 0 && state.busy < state.slots && !state.draining) {
      console.log(`[agent] ${snap.queued} queued on ${instance}, ${state.slots - state.busy} slots free`);
    }
  });
  stream.on('error', (err: grpc.ServiceError) => {
    console.warn(`[agent] queue watch ended: ${err.details}; reconnecting`);
    setTimeout(() => followQueue(client, instance), 2_000);
  });
  stream.on('end', () => setTimeout(() => followQueue(client, instance), 500));
}

function main(): void {
  const client = new build.BuildCoordinator(process.env.COORDINATOR ?? 'coordinator.buildfarm.svc:8980', grpc.credentials.createInsecure());
  startAdminServer(state, Number(process.env.AGENT_ADMIN_PORT ?? 9911));
  for (const instance of (process.env.AGENT_INSTANCES ?? 'default').split(',')) {
    followQueue(client, instance);
  }
}

main();

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';

const def = protoLoader.loadSync(path.resolve(__dirname, '../proto/agent_admin.proto'), { defaults: true });
const admin = (grpc.loadPackageDefinition(def) as any).buildfarm.agent;

export interface AgentState {
  slots: number;
  busy: number;
  draining: boolean;
  version: string;
}

export function startAdminServer(state: AgentState, port: number): grpc.Server {
  const server = new grpc.Server();
  server.addService(admin.AgentAdmin.service, {
    describe(_call: grpc.ServerUnaryCall<any, any>, cb: grpc.sendUnaryData<any>) {
      cb(null, { slots: state.slots, busy: state.busy, draining: state.draining, version: state.version });
    },
    drain(_call: grpc.ServerUnaryCall<any, any>, cb: grpc.sendUnaryData<any>) {
      state.draining = true;
      cb(null, { draining: true });
    },
  });
  server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), () => undefined);
  return server;
}

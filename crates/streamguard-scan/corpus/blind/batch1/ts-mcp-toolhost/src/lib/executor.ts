import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';

const def = protoLoader.loadSync(path.resolve(__dirname, '../../proto/mcp/v1/mcp.proto'), {
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mcp = (grpc.loadPackageDefinition(def) as any).mcp.v1;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const executor: any = new mcp.Executor(
  process.env.EXECUTOR_ADDR ?? 'dns:///executor.tools.svc.cluster.local:7000',
  grpc.credentials.createInsecure(),
  { 'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }) },
);

export const packageObject = grpc.loadPackageDefinition(def);

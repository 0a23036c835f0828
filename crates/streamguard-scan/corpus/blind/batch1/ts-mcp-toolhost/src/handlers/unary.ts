import * as grpc from '@grpc/grpc-js';
import { executor } from '../lib/executor';
import { permitted } from '../lib/policy';
import { VERIFIED_SCOPES } from '../interceptors/auth';

const TOOLS = [
  { name: 'echo', description: 'Echo the input back' },
  { name: 'fetch_url', description: 'Fetch a URL and return its text' },
  { name: 'read_file', description: 'Read a file from the workspace' },
  { name: 'write_file', description: 'Write a file in the workspace' },
  { name: 'run_sql', description: 'Run a read-only SQL query' },
];

export const unaryHandlers = {
  ListTools(_call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) {
    callback(null, { tools: TOOLS });
  },

  CallTool(call: grpc.ServerUnaryCall<{ name: string; arguments: unknown }, unknown>, callback: grpc.sendUnaryData<unknown>) {
    const scopes = String(call.metadata.get(VERIFIED_SCOPES)[0] ?? '').split(' ');
    if (!permitted(scopes, call.request.name)) {
      callback({ code: grpc.status.PERMISSION_DENIED, details: 'insufficient_scope' });
      return;
    }
    executor.run(call.request, { deadline: Date.now() + 15_000 }, callback);
  },
};

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { createServer } from '../server';

test('rejects calls without a token', async () => {
  const server = createServer();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  const Client = grpc.makeGenericClientConstructor({}, 'mcp.v1.McpStreaming');
  const client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = client.makeServerStreamRequest(
    '/mcp.v1.McpStreaming/WatchResource',
    (x: Buffer) => x,
    (x: Buffer) => x,
    Buffer.alloc(0),
  );
  const err = await new Promise<grpc.ServiceError>((resolve) => call.on('error', resolve));
  assert.equal(err.code, grpc.status.UNAUTHENTICATED);
  client.close();
  server.forceShutdown();
});

import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
import { RevocationFeed } from './auth/session';
import { loadConfig } from './config';
import { McpJsonRpcService, McpStreamingService } from './gen/mcp/v1/mcp';
import { IdentityLimiter } from './limits';
import { JsonRpcExchange } from './rpc/exchange';
import { streamingHandlers } from './rpc/streaming';
import { makeSearchClient } from './tools/search';
import { ToolRegistry } from './tools/registry';

async function main(): Promise<void> {
  const config = loadConfig();
  const feed = new RevocationFeed(config.redisUrl);
  const limiter = new IdentityLimiter(config.callsPerMinute);
  setInterval(() => limiter.sweep(), 60_000).unref();

  const tools = new ToolRegistry(makeSearchClient(config.searchTarget));
  const resources = new EventEmitter();
  resources.setMaxListeners(0);

  const server = new grpc.Server({ 'grpc.max_receive_message_length': 4 * 1024 * 1024 });
  const rpc = new JsonRpcExchange({ config, feed, limiter, tools });
  server.addService(McpJsonRpcService, { exchange: (call: any) => rpc.exchange(call) });
  server.addService(McpStreamingService, streamingHandlers({ config, feed, tools, resources }) as any);

  await new Promise<void>((resolve, reject) =>
    server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve())),
  );
  console.log(`toolhost listening on ${config.listen}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

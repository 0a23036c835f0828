import * as grpc from '@grpc/grpc-js';
import { loadConfig } from './config.js';
import { Authenticator } from './auth.js';
import { RevocationBus } from './revocations.js';
import { IdentityLimiter } from './limits.js';
import { ToolRunner } from './downstream/toolRunner.js';
import { BlobStoreClient } from './downstream/blobStore.js';
import { McpStreamingImpl } from './handlers.js';
import { McpStreamingService } from './gen/mcp/v1/mcp.js';
import { startAdmin } from './admin.js';

const cfg = loadConfig();
const bus = new RevocationBus();

const server = new grpc.Server({
  'grpc.max_connection_age_ms': cfg.maxConnectionAgeMs,
  'grpc.max_connection_age_grace_ms': 10_000,
  'grpc.max_receive_message_length': 4 * 1024 * 1024,
});

server.addService(
  McpStreamingService,
  new McpStreamingImpl(
    new Authenticator(cfg),
    bus,
    new IdentityLimiter(cfg.messagesPerMinute),
    new ToolRunner(cfg.toolRunnerUrl),
    new BlobStoreClient(cfg.blobStoreAddr),
    cfg.resourceBaseUrl,
  ),
);

server.bindAsync(cfg.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(`mcp-bridge: cannot listen on ${cfg.listen}: ${err.message}`);
    process.exit(1);
  }
  console.log(`mcp-bridge on :${port}`);
});

startAdmin(bus, Number(process.env.BRIDGE_ADMIN_PORT ?? 8081));

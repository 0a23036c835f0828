import * as grpc from "@grpc/grpc-js";
import Redis from "ioredis";
import { authInterceptor } from "./auth/interceptor";
import { AgentDeskService } from "./generated/agentdesk";
import { AgentDeskHandlers } from "./service/agentDesk";
import { presence } from "./service/presence";
import { RevocationFeed } from "./session/revocations";

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
  const feed = new RevocationFeed(redisUrl);
  await feed.start();

  const server = new grpc.Server({
    interceptors: [authInterceptor],
    "grpc.max_connection_age_ms": 30 * 60_000,
    "grpc.max_connection_age_grace_ms": 15_000,
    "grpc.keepalive_time_ms": 20_000,
  });
  const redis = new Redis(redisUrl);
  presence.startFlushing(redis);
  const handlers = new AgentDeskHandlers(redis, feed);
  server.addService(AgentDeskService, handlers.asService());

  const addr = process.env.LISTEN ?? "0.0.0.0:8443";
  server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      console.error("bind failed", err);
      process.exit(1);
    }
    console.log(`agent-gateway listening on ${port}`);
  });
  process.on("SIGTERM", () => server.tryShutdown(() => process.exit(0)));
}

void main();

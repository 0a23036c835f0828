import * as grpc from "@grpc/grpc-js";
import { RoasteryService } from "./generated/roastery";
import { RoasteryHandlers } from "./handlers/roastery";
import { authInterceptor } from "./auth/interceptor";
import { config } from "./config";

function main(): void {
  const server = new grpc.Server({
    interceptors: [authInterceptor],
    "grpc.max_connection_age_ms": 30 * 60_000,
    "grpc.max_connection_age_grace_ms": 15_000,
    "grpc.keepalive_time_ms": 30_000,
  });
  server.addService(RoasteryService, new RoasteryHandlers());
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      console.error("bind failed", err);
      process.exit(1);
    }
    console.log(`roast-server listening on ${port}`);
  });
}

main();

import { Server, ServerCredentials } from "@grpc/grpc-js";
import Redis from "ioredis";
import { KitchenDisplayService } from "./generated/kds";
import { KitchenDisplay } from "./service/kitchenDisplay";
import { RevocationFeed } from "./auth/revocations";
import { IdentityLimiter } from "./limits/identityLimiter";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/2";

function main(): void {
  const revocations = new RevocationFeed(REDIS_URL);
  const limiter = new IdentityLimiter(new Redis(REDIS_URL), Number(process.env.KDS_BUMPS_PER_MIN ?? 240));

  const server = new Server({
    "grpc.keepalive_time_ms": 15_000,
    "grpc.keepalive_timeout_ms": 5_000,
  });
  server.addService(KitchenDisplayService, new KitchenDisplay(revocations, limiter));

  const addr = process.env.KDS_LISTEN ?? "0.0.0.0:8443";
  server.bindAsync(addr, ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      console.error(`kds-server: cannot bind ${addr}: ${err.message}`);
      process.exit(1);
    }
    console.log(`kds-server listening on ${port}`);
  });
}

main();

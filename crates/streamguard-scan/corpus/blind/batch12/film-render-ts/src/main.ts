import * as grpc from "@grpc/grpc-js";
import { RenderFarmService } from "./gen/render/v1/render";
import { authInterceptor } from "./auth/interceptor";
import { startRevocationFeed } from "./auth/session";
import { ArtistHandlers } from "./handlers/artist";
import { nodeLink } from "./handlers/node";
import { config } from "./config";

function main(): void {
  startRevocationFeed();
  const server = new grpc.Server({
    interceptors: [authInterceptor],
    "grpc.max_connection_age_ms": config.maxConnectionAgeMs,
    "grpc.max_connection_age_grace_ms": 30_000,
  });
  const artists = new ArtistHandlers();
  server.addService(RenderFarmService, {
    submitFrames: artists.submitFrames,
    followJob: artists.followJob,
    watchQueue: artists.watchQueue,
    nodeLink,
  });
  server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
    console.log(`render coordinator on ${config.listen}`);
  });
}

main();

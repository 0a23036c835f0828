import * as grpc from "@grpc/grpc-js";
import { QueueDisplaysService } from "./gen/queue";
import { authInterceptor } from "./auth";
import { QueueDisplaysHandlers } from "./handlers/queueDisplays";
import { config } from "./config";

const server = new grpc.Server({
  interceptors: [authInterceptor],
  "grpc.max_connection_age_ms": 20 * 60 * 1000,
  "grpc.max_connection_age_grace_ms": 30_000,
});

server.addService(QueueDisplaysService, new QueueDisplaysHandlers());

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`queue-server listening on ${port}`);
});

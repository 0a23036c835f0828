import * as grpc from "@grpc/grpc-js";
import { config } from "./config";
import { authInterceptor } from "./auth/interceptor";
import { SurveillanceService } from "./generated/surveillance";
import { AlertFeed } from "./services/alerts";
import { Desk } from "./services/desk";
import { exportCases } from "./services/export";

const feed = new AlertFeed();
const desk = new Desk();

const server = new grpc.Server({
  interceptors: [authInterceptor],
  "grpc.max_connection_age_ms": config.maxConnectionAgeMs,
  "grpc.max_connection_age_grace_ms": 30_000,
});

server.addService(SurveillanceService, {
  watchAlerts: feed.watchAlerts,
  analystDesk: desk.analystDesk,
  exportCases,
});

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`surveillance listening on ${config.listen}`);
});

import * as grpc from "@grpc/grpc-js";
import { DataCaptureService as DataCaptureDefinition } from "./generated/edc/v1/edc";
import { loadConfig } from "./infra/config";
import { redis, subscriber } from "./infra/redis";
import { IdentityLimiter } from "./infra/limiter";
import { makeAuthInterceptor } from "./session/authInterceptor";
import { RevocationFeed } from "./session/revocations";
import { DataCaptureService } from "./services/dataCapture";
import { SubjectDirectory } from "./services/subjects";
import { FormStore } from "./services/formStore";
import { QueryBus } from "./services/queryBus";
import { VisitsClient } from "./services/visits";
import { ScanStore } from "./services/scans";

const cfg = loadConfig();
const store = redis(cfg.redisUrl);
const feed = new RevocationFeed(subscriber(cfg.redisUrl), store);
const service = new DataCaptureService(
  cfg,
  feed,
  new IdentityLimiter(store, cfg.messagesPerMinute),
  new SubjectDirectory(`http://${cfg.visitsAddr}`),
  new FormStore(`http://${cfg.visitsAddr}`),
  new QueryBus(subscriber(cfg.redisUrl)),
  new VisitsClient(cfg.visitsAddr),
  new ScanStore(cfg.scanBucketUrl),
);

const server = new grpc.Server({
  interceptors: [makeAuthInterceptor(cfg)],
  "grpc.max_connection_age_ms": 30 * 60_000,
  "grpc.max_connection_age_grace_ms": 10_000,
});
server.addService(DataCaptureDefinition, service);
server.bindAsync(cfg.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`edc stream listening on ${port}`);
});

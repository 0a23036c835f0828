import path from "node:path";
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { JobBoard } from "./jobs.js";
import { transcoderHandlers } from "./transcoder.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const def = protoLoader.loadSync(path.join(here, "../../proto/transcode.proto"), { longs: Number, defaults: true });
const pkg = grpc.loadPackageDefinition(def) as any;

const server = new grpc.Server({ "grpc.max_connection_age_ms": 30 * 60_000, "grpc.max_connection_age_grace_ms": 30_000 });
server.addService(pkg.pod.transcode.v1.Transcoder.service, transcoderHandlers(new JobBoard()));
server.bindAsync(process.env.BIND ?? "0.0.0.0:9310", grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err.message);
    process.exit(1);
  }
  console.log(`transcoder listening on ${port}`);
});

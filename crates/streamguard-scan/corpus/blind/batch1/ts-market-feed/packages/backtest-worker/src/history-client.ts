import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import path from "node:path";

const def = protoLoader.loadSync(path.resolve(__dirname, "../../../proto/feed.proto"), {
  longs: Number,
  defaults: true,
});
export const marketPkg = grpc.loadPackageDefinition(def).market as any;

export interface Bar {
  tsMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export const historyClient = new marketPkg.v1.History(
  process.env.HISTORY_ADDR ?? "history.svc:7000",
  grpc.credentials.createInsecure(),
);

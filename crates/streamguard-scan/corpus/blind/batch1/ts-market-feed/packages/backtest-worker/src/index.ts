import * as grpc from "@grpc/grpc-js";
import { historyClient, marketPkg, type Bar } from "./history-client";
import { RunningStats } from "./stats";

const HISTORY_TIMEOUT_MS = 60_000;
const MAX_BARS = 5_000;

function replayHistory(call: grpc.ServerWritableStream<any, Bar>): void {
  const req = call.request;
  const upstream = historyClient.getBars(
    { symbol: req.symbol, fromMs: req.fromMs, toMs: req.toMs, resolution: req.resolution || "1m" },
    { deadline: Date.now() + HISTORY_TIMEOUT_MS },
    (err: grpc.ServiceError | null, res: { bars: Bar[] }) => {
      if (err) {
        if (!call.cancelled) call.destroy(err);
        return;
      }
      for (const bar of res.bars.slice(0, MAX_BARS)) {
        if (call.cancelled) return;
        call.write(bar);
      }
      call.end();
    },
  );
  call.on("cancelled", () => upstream.cancel());
}

function computeStats(call: grpc.ServerReadableStream<{ value: number }, unknown>, callback: grpc.sendUnaryData<unknown>): void {
  const stats = new RunningStats();
  call.on("data", (sample) => stats.push(sample.value));
  call.on("error", (err) => callback(err as grpc.ServiceError));
  call.on("end", () => callback(null, stats.summary()));
}

const server = new grpc.Server();
server.addService(marketPkg.v1.Backtest.service, { replayHistory, computeStats });
server.bindAsync(
  process.env.LISTEN ?? "0.0.0.0:7100",
  grpc.ServerCredentials.createInsecure(),
  (err) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
  },
);

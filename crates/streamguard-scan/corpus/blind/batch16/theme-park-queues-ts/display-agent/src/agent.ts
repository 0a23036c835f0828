// Runs on each entrance sign's Raspberry Pi: follows one ride and renders the wait time.
import * as grpc from "@grpc/grpc-js";
import { QueueDisplaysClient, type QueueStatus } from "queue-server/src/gen/queue";
import { writeFileSync } from "node:fs";

const addr = process.env.QUEUE_ADDR ?? "queue.parkops.internal:50090";
const rideId = process.env.RIDE_ID ?? "";
const client = new QueueDisplaysClient(addr, grpc.credentials.createSsl());

function render(statuses: QueueStatus[]) {
  for (const s of statuses) {
    writeFileSync("/run/sign/text", s.state === "OPEN" ? `${s.postedWaitMin} min` : s.state);
  }
}

function follow(backoffMs = 1000) {
  const md = new grpc.Metadata();
  md.set("authorization", `Bearer ${process.env.SIGN_TOKEN}`);
  const stream = client.watchQueue({ rideId }, md);
  stream.on("data", (s: QueueStatus) => render([s]));
  stream.on("error", () => setTimeout(() => follow(Math.min(backoffMs * 2, 30_000)), backoffMs));
}

follow();

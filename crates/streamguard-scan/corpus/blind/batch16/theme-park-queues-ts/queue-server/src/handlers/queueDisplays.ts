import * as grpc from "@grpc/grpc-js";
import { Upload } from "@aws-sdk/lib-storage";
import { S3Client } from "@aws-sdk/client-s3";
import type {
  ConsoleCommand, ConsoleReply, QueueDisplaysServer, QueueStatus, RiderCount, UploadSummary, WatchQueueRequest,
} from "../gen/queue";
import { staffOf } from "../auth";
import { snapshot } from "../clients/rideOps";
import { sendInterlock } from "../clients/plc";
import { config } from "../config";

const s3 = new S3Client({});
const POLL_MS = 20_000;

export class QueueDisplaysHandlers implements QueueDisplaysServer {
  [name: string]: grpc.UntypedHandleCall;

  watchQueue = (call: grpc.ServerWritableStream<WatchQueueRequest, QueueStatus>): void => {
    const rideId = call.request.rideId;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;

    const tick = async () => {
      try {
        // Each poll gets 2.5 s; a stuck ride-ops call must not stall the sign.
        const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(2500)]);
        const snap = await snapshot(rideId, signal);
        call.write({ ...snap, updatedUnixMs: Date.now() });
      } catch (err) {
        if (controller.signal.aborted) return;
      }
      timer = setTimeout(tick, POLL_MS);
    };

    call.on("cancelled", () => { controller.abort(); clearTimeout(timer); });
    void tick();
  };

  operatorConsole = (call: grpc.ServerDuplexStream<ConsoleCommand, ConsoleReply>): void => {
    const staff = staffOf(call);
    const peer = call.getPeer();
    const limiter = consoleLimiter(peer);

    call.on("data", async (cmd: ConsoleCommand) => {
      if (!staff.rides.includes(cmd.rideId) || !staff.roles.includes("ride-operator")) {
        call.write({ commandId: cmd.commandId, status: "PERMISSION_DENIED", message: "not your ride" });
        return;
      }
      if (!limiter()) {
        call.write({ commandId: cmd.commandId, status: "RESOURCE_EXHAUSTED", message: "too many commands" });
        return;
      }
      try {
        const reply = await sendInterlock(cmd.rideId, cmd.action);
        if (cmd.action === "PAUSE" && cmd.resumeAfterS > 0) {
          // Automatic resume when the pause was a timed one (e.g. a rider re-seat).
          setTimeout(() => { void sendInterlock(cmd.rideId, "RESUME"); }, cmd.resumeAfterS * 1000);
        }
        call.write({ commandId: cmd.commandId, status: reply.accepted ? "OK" : "REJECTED", message: "" });
      } catch (err) {
        call.write({ commandId: cmd.commandId, status: "UNAVAILABLE", message: (err as Error).message });
      }
    });
    call.on("end", () => call.end());
  };

  uploadRiderCounts = (
    call: grpc.ServerReadableStream<RiderCount, UploadSummary>,
    callback: grpc.sendUnaryData<UploadSummary>,
  ): void => {
    const staff = staffOf(call);
    const lines: string[] = [];
    const controller = new AbortController();
    call.on("cancelled", () => controller.abort());
    call.on("data", (row: RiderCount) => {
      if (!staff.rides.includes(row.rideId)) {
        callback({ code: grpc.status.PERMISSION_DENIED, details: `ride ${row.rideId}` });
        call.destroy();
        return;
      }
      lines.push(`${row.rideId},${row.minuteUnix},${row.riders}`);
    });
    call.on("end", async () => {
      const key = `counts/${staff.sub}/${Date.now()}.csv`;
      const deadline = call.getDeadline();
      const ms = deadline instanceof Date ? deadline.getTime() - Date.now() : Number(deadline) - Date.now();
      const signal = Number.isFinite(ms)
        ? AbortSignal.any([controller.signal, AbortSignal.timeout(Math.max(1, ms))])
        : controller.signal;
      try {
        const upload = new Upload({ client: s3, params: { Bucket: config.countsBucket, Key: key, Body: lines.join("\n") } });
        signal.addEventListener("abort", () => void upload.abort());
        await upload.done();
        callback(null, { rows: lines.length, objectKey: key });
      } catch (err) {
        callback({ code: grpc.status.UNAVAILABLE, details: (err as Error).message });
      }
    });
  };
}

/** Sliding one-minute window of console commands for one connection. */
function consoleLimiter(peer: string): () => boolean {
  const stamps: number[] = [];
  return () => {
    const now = Date.now();
    while (stamps.length && now - stamps[0] > 60_000) stamps.shift();
    if (stamps.length >= config.consoleCommandsPerMinute) return false;
    stamps.push(now);
    return true;
  };
}

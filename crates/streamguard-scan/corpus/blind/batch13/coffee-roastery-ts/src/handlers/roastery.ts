import * as grpc from "@grpc/grpc-js";
import { Action, type Batch, type ExportBatchesRequest, type RoastCommand, type RoastEvent, type RoasterServer, type RoasterTelemetry, type WatchRoasterRequest } from "./types";
import { RoastGuard } from "../session/guard";
import { acquireStream, allowCommand } from "../session/limits";
import { readRoaster, sendControl } from "../clients/plc";
import { batchesBetween } from "../clients/inventory";

const POLL_MS = 1000;
const PLC_BUDGET_MS = 2000;

const REQUIRED_SCOPE: Record<number, string> = {
  [Action.CHARGE]: "roast:operate",
  [Action.SET_GAS]: "roast:operate",
  [Action.SET_AIRFLOW]: "roast:operate",
  [Action.DROP]: "roast:operate",
};

export class RoasteryHandlers implements RoasterServer {
  [name: string]: grpc.UntypedHandleCall;

  watchRoaster = async (call: grpc.ServerWritableStream<WatchRoasterRequest, RoasterTelemetry>): Promise<void> => {
    const guard = await RoastGuard.open(call);
    if (!guard) return;
    const roasterId = call.request.roasterId;
    if (!guard.hasScope("roast:read") || !guard.ownsRoaster(roasterId)) {
      guard.end(grpc.status.PERMISSION_DENIED, "insufficient_scope");
      return;
    }
    const release = await acquireStream(guard.claims.sub);
    if (!release) {
      guard.end(grpc.status.RESOURCE_EXHAUSTED, "too_many_streams");
      return;
    }
    guard.signal.addEventListener("abort", release);

    while (!guard.closed) {
      try {
        const r = await readRoaster(roasterId, guard.signal, Math.min(guard.remainingMs(PLC_BUDGET_MS), PLC_BUDGET_MS));
        if (guard.closed) break;
        call.write({ roasterId, ...r, unixMs: Date.now() });
      } catch (err) {
        if (guard.closed) break;
        guard.end(grpc.status.UNAVAILABLE, "plc_unavailable");
        break;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, POLL_MS);
        guard.signal.addEventListener("abort", () => {
          clearTimeout(t);
          resolve();
        }, { once: true });
      });
    }
  };

  roastSession = async (call: grpc.ServerDuplexStream<RoastCommand, RoastEvent>): Promise<void> => {
    const guard = await RoastGuard.open(call);
    if (!guard) return;
    const release = await acquireStream(guard.claims.sub);
    if (!release) {
      guard.end(grpc.status.RESOURCE_EXHAUSTED, "too_many_streams");
      return;
    }
    guard.signal.addEventListener("abort", release);

    // Commands are handled one at a time, in order.
    let chain = Promise.resolve();
    let commandsSeen = 0;

    call.on("data", (cmd: RoastCommand) => {
      guard.touch();
      commandsSeen += 1; // exported as a gauge by the metrics middleware
      chain = chain.then(() => this.handleCommand(call, guard, cmd));
    });
    call.on("end", () => {
      chain.then(() => {
        guard.release();
        call.end();
      });
    });
  };

  exportBatches = async (call: grpc.ServerWritableStream<ExportBatchesRequest, Batch>): Promise<void> => {
    const guard = await RoastGuard.open(call);
    if (!guard) return;
    if (!guard.hasScope("batches:read")) {
      guard.end(grpc.status.PERMISSION_DENIED, "insufficient_scope");
      return;
    }
    const { fromDate, toDate } = call.request;
    const upstream = batchesBetween(call, fromDate, toDate);
    upstream.on("data", (b) => {
      if (guard.ownsRoaster(b.roasterId)) call.write(b);
    });
    upstream.on("error", (err: grpc.ServiceError) => {
      if (!guard.closed) guard.end(err.code ?? grpc.status.UNAVAILABLE, "inventory_error");
    });
    upstream.on("end", () => {
      guard.release();
      call.end();
    });
  };

  private async handleCommand(call: grpc.ServerDuplexStream<RoastCommand, RoastEvent>, guard: RoastGuard, cmd: RoastCommand): Promise<void> {
    if (guard.closed) return;
    const scope = REQUIRED_SCOPE[cmd.action];
    if (!scope || !guard.hasScope(scope) || !guard.ownsRoaster(cmd.roasterId)) {
      call.write({ requestId: cmd.requestId, ok: false, status: "PERMISSION_DENIED", message: "insufficient_scope" });
      return;
    }
    if (!(await allowCommand(guard.claims.sub))) {
      guard.end(grpc.status.RESOURCE_EXHAUSTED, "rate_limit_exceeded");
      return;
    }
    try {
      await sendControl(cmd.roasterId, { action: Action[cmd.action], value: cmd.value, by: guard.claims.sub }, guard.signal,
        Math.min(guard.remainingMs(PLC_BUDGET_MS), PLC_BUDGET_MS));
      call.write({ requestId: cmd.requestId, ok: true, status: "OK", message: "" });
    } catch (err) {
      if (!guard.closed) {
        call.write({ requestId: cmd.requestId, ok: false, status: "UNAVAILABLE", message: (err as Error).message });
      }
    }
  }
}

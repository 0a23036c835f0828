import * as grpc from "@grpc/grpc-js";
import type { NodeReport, NodeCommand } from "../gen/render/v1/render";
import { principalOf } from "../auth/interceptor";
import { jobs } from "../clients/jobs";
import { config } from "../config";

// Report budget per peer address, reset every second.
const budgets = new Map<string, { second: number; count: number }>();

function overBudget(peer: string): boolean {
  const second = Math.floor(Date.now() / 1000);
  const b = budgets.get(peer);
  if (!b || b.second !== second) {
    budgets.set(peer, { second, count: 1 });
    return false;
  }
  return ++b.count > config.nodeReportsPerSecond;
}

// Signal that fires when the call is cancelled or its deadline passes.
function callSignal(call: grpc.ServerDuplexStream<NodeReport, NodeCommand>): AbortSignal {
  const ac = new AbortController();
  call.on("cancelled", () => ac.abort(new Error("cancelled")));
  const deadline = call.getDeadline();
  if (deadline === Infinity) return ac.signal;
  const at = deadline instanceof Date ? deadline.getTime() : Number(deadline);
  return AbortSignal.any([ac.signal, AbortSignal.timeout(Math.max(0, at - Date.now()))]);
}

// Bidi link a render node keeps open for as long as it is racked.
export function nodeLink(call: grpc.ServerDuplexStream<NodeReport, NodeCommand>): void {
  const node = principalOf(call);
  if (node.kind !== "node") {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: "nodes only" });
    return;
  }
  const peer = call.getPeer();
  const signal = callSignal(call);
  let last = { gpuUtil: 0, freeVramMb: 0 };
  let statsTimer: NodeJS.Timeout | undefined;

  call.on("data", async (report: NodeReport) => {
    if (overBudget(peer)) {
      call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: "report rate exceeded" });
      return;
    }
    try {
      if (report.frameDone) {
        const { jobId, frame, outputKey } = report.frameDone;
        await jobs.frameDone(jobId, frame, outputKey, signal);
      }
      if (report.heartbeat) {
        last = report.heartbeat;
        if (!statsTimer) {
          // Farm dashboard wants utilisation every 10 s while the node is linked.
          statsTimer = setInterval(() => {
            jobs.nodeStats(node.nodeId, last.gpuUtil, last.freeVramMb).catch(() => undefined);
          }, 10_000);
        }
        const task = await jobs.nextTask(node.nodeId, report.heartbeat.freeVramMb, signal);
        if (task) call.write({ task });
      }
    } catch (err) {
      if (!signal.aborted) console.warn(`node ${node.nodeId}: ${(err as Error).message}`);
    }
  });
  call.on("end", () => {
    clearInterval(statsTimer);
    call.end();
  });
}

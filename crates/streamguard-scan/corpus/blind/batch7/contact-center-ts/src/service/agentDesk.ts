import * as grpc from "@grpc/grpc-js";
import type Redis from "ioredis";
import { claimsOf } from "../auth/interceptor";
import * as acdApi from "../clients/acd";
import { acd } from "../clients/acd";
import type {
  AgentCommand,
  AgentDeskServer,
  AgentEvent,
  ExportRequest,
  PresenceRequest,
  PresenceResponse,
  QueueStats,
  Recording,
  WatchQueueRequest,
} from "../generated/agentdesk";
import { AgentLimiter } from "../limits/redisLimiter";
import type { RevocationFeed } from "../session/revocations";
import { SessionGuard } from "../session/sessionGuard";
import { presence } from "./presence";
import { startPoller } from "./queuePoller";

export class AgentDeskHandlers {
  private readonly limiter: AgentLimiter;

  constructor(private readonly redis: Redis, private readonly feed: RevocationFeed) {
    this.limiter = new AgentLimiter(redis, 240);
  }

  agentSession = (call: grpc.ServerDuplexStream<AgentCommand, AgentEvent>): void => {
    const claims = claimsOf(call);
    const guard = new SessionGuard(call, claims, this.feed).start();
    const reply = (e: Partial<AgentEvent>) => call.write({ requestId: "", kind: "", callId: "", detail: "", ...e });

    call.on("data", async (cmd: AgentCommand) => {
      if (!(await this.limiter.allow(claims.sub))) {
        guard.end(grpc.status.RESOURCE_EXHAUSTED, "rate_limit_exceeded");
        return;
      }
      const callId = cmd.answer?.callId ?? cmd.transfer?.callId ?? cmd.hangup?.callId;
      try {
        if (callId) {
          const owner = await acdApi.ownerOf(callId, call);
          if (owner.tenant !== claims.tenant || (owner.agentId !== "" && owner.agentId !== claims.sub)) {
            reply({ requestId: cmd.requestId, kind: "error", callId, detail: "PERMISSION_DENIED: call not offered to this agent" });
            return;
          }
        }
        if (cmd.answer) {
          const r = await acdApi.answer(cmd.answer.callId, claims.sub, call);
          reply({ requestId: cmd.requestId, kind: "answered", callId: r.callId });
        } else if (cmd.transfer) {
          if (!claims.queues.includes(cmd.transfer.targetQueue)) {
            reply({ requestId: cmd.requestId, kind: "error", callId, detail: "PERMISSION_DENIED: queue" });
            return;
          }
          const r = await acdApi.transfer(cmd.transfer.callId, claims.sub, cmd.transfer.targetQueue, call);
          reply({ requestId: cmd.requestId, kind: "transferred", callId: r.callId });
        } else if (cmd.hangup) {
          await acdApi.hangup(cmd.hangup.callId, claims.sub, call);
          reply({ requestId: cmd.requestId, kind: "ended", callId });
        } else if (cmd.ready) {
          presence.set(claims.tenant, claims.sub, cmd.ready.ready ? "ready" : "not_ready");
          reply({ requestId: cmd.requestId, kind: "presence" });
        }
      } catch (err) {
        reply({ requestId: cmd.requestId, kind: "error", callId, detail: (err as grpc.ServiceError).details ?? String(err) });
      }
    });
    call.on("end", () => {
      guard.dispose();
      call.end();
    });
  };

  watchQueue = (call: grpc.ServerWritableStream<WatchQueueRequest, QueueStats>): void => {
    const claims = claimsOf(call);
    const { queueId, intervalMs } = call.request;
    if (!claims.queues.includes(queueId) && !claims.roles.includes("supervisor")) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `queue ${queueId} not visible` });
      return;
    }
    const guard = new SessionGuard(call, claims, this.feed).start();
    const poller = startPoller(
      queueId,
      intervalMs || 5_000,
      (s) => call.write(s),
      (err) => call.emit("error", err),
    );
    call.on("finish", () => {
      poller.stop();
      guard.dispose();
    });
  };

  exportRecordings = (call: grpc.ServerWritableStream<ExportRequest, Recording>): void => {
    const claims = claimsOf(call);
    const { agentId, fromUnixMs, toUnixMs } = call.request;
    if (agentId !== claims.sub && !claims.roles.includes("supervisor")) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: "recordings of another agent" });
      return;
    }
    const upstream = acd.listRecordings({ agentId, fromUnixMs, toUnixMs }, new grpc.Metadata(), { parent: call });
    upstream.on("data", (r) => call.write(r));
    upstream.on("end", () => call.end());
    upstream.on("error", (err) => call.destroy(err));
  };

  setPresence = async (
    call: grpc.ServerUnaryCall<PresenceRequest, PresenceResponse>,
    callback: grpc.sendUnaryData<PresenceResponse>,
  ): Promise<void> => {
    const claims = claimsOf(call);
    presence.set(claims.tenant, claims.sub, call.request.status);
    callback(null, { status: call.request.status });
  };

  asService(): AgentDeskServer {
    return {
      agentSession: this.agentSession,
      watchQueue: this.watchQueue,
      exportRecordings: this.exportRecordings,
      setPresence: this.setPresence,
    };
  }
}

import * as grpc from "@grpc/grpc-js";
import Redis from "ioredis";
import { config } from "../config";
import { claimsOf } from "../auth/interceptor";
import { AlertSession } from "../auth/session";
import { instrument } from "../clients/downstream";
import type { Alert, WatchAlertsRequest } from "../generated/surveillance";

const SEVERITY = ["low", "medium", "high", "critical"];

export class AlertFeed {
  private redis = new Redis(config.redisUrl);

  watchAlerts = async (call: grpc.ServerWritableStream<WatchAlertsRequest, Alert>) => {
    const session = new AlertSession(call, claimsOf(call.metadata));
    const desks = call.request.desks.filter((d) => session.deskAllowed(d));
    if (desks.length === 0) {
      return session.end(grpc.status.PERMISSION_DENIED, "no desk allowed");
    }
    const min = Math.max(0, SEVERITY.indexOf(call.request.minSeverity));
    const subscriber = this.redis.duplicate();
    await subscriber.subscribe(...desks.map((d) => `alerts:${d}`));
    call.on("cancelled", () => subscriber.disconnect());
    call.on("close", () => subscriber.disconnect());

    subscriber.on("message", async (_ch: string, raw: string) => {
      if (!session.isOpen) return;
      const alert = JSON.parse(raw) as Alert;
      if (SEVERITY.indexOf(alert.severity) < min) return;
      try {
        const inst = await instrument(alert.symbol, { parent: call });
        alert.instrumentName = inst.name;
      } catch {
        alert.instrumentName = "";
      }
      if (session.isOpen) call.write(alert);
    });
  };
}

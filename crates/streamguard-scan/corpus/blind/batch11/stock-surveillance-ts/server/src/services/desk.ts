import * as grpc from "@grpc/grpc-js";
import { claimsOf } from "../auth/interceptor";
import { AlertSession } from "../auth/session";
import { appendEntry, escalateWithRetry } from "../clients/downstream";
import type { DeskCommand, DeskEvent } from "../generated/surveillance";

export class Desk {
  analystDesk = (call: grpc.ServerDuplexStream<DeskCommand, DeskEvent>) => {
    const session = new AlertSession(call, claimsOf(call.metadata));
    let desk: string | null = null;

    call.on("data", async (cmd: DeskCommand) => {
      // The workstation opens its case first; the desk of that case decides what the stream may do.
      if (!desk) {
        if (!cmd.open || !session.deskAllowed(cmd.open.desk)) {
          return session.end(grpc.status.PERMISSION_DENIED, "open a case of your desk first");
        }
        desk = cmd.open.desk;
      }
      const caseId = cmd.open?.caseId ?? cmd.annotate?.caseId ?? cmd.escalate?.caseId ?? "";
      const options = { deadline: Date.now() + 10_000 };
      try {
        if (cmd.open) {
          await appendEntry({ caseId, desk, kind: "open", body: "", author: session.claims.sub }, options);
        } else if (cmd.annotate) {
          await appendEntry({ caseId, desk, kind: "note", body: cmd.annotate.text, author: session.claims.sub }, options);
        } else if (cmd.escalate) {
          await appendEntry({ caseId, desk, kind: "escalation", body: cmd.escalate.reason, author: session.claims.sub }, options);
          escalateWithRetry({ caseId, reason: cmd.escalate.reason, analyst: session.claims.sub });
        }
        call.write({ requestId: cmd.requestId, caseId, status: "ok", error: "" });
      } catch (e) {
        call.write({ requestId: cmd.requestId, caseId, status: "error", error: (e as Error).message });
      }
    });
    call.on("end", () => call.end());
  };
}

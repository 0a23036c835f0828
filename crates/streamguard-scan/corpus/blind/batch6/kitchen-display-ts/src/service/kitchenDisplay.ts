import { status, type ServerDuplexStream, type ServerWritableStream } from "@grpc/grpc-js";
import type {
  BumpCommand,
  BumpResult,
  ExportShiftRequest,
  KitchenDisplayServer,
  StationFeedRequest,
  Ticket,
  TicketRecord,
} from "../generated/kds";
import { StationSession } from "../auth/session";
import type { RevocationFeed } from "../auth/revocations";
import type { IdentityLimiter } from "../limits/identityLimiter";
import { getItems } from "../clients/menu";
import { markServed } from "../clients/pos";
import { tickets } from "../store/tickets";
import { shiftTickets } from "../store/reporting";

function denied(details: string) {
  return Object.assign(new Error(details), { code: status.PERMISSION_DENIED, details });
}

export class KitchenDisplay implements KitchenDisplayServer {
  [name: string]: any;

  constructor(
    private readonly revocations: RevocationFeed,
    private readonly limiter: IdentityLimiter,
  ) {}

  private async openSession(call: ServerWritableStream<any, any> | ServerDuplexStream<any, any>): Promise<StationSession | undefined> {
    try {
      return await StationSession.open(call, this.revocations);
    } catch (err: any) {
      call.destroy(Object.assign(err, { code: err.code ?? status.UNAUTHENTICATED, details: err.details ?? err.message }));
      return undefined;
    }
  }

  /** Adds allergen and prep info from the menu service before a ticket hits the screen. */
  private async decorate(ticket: Ticket, locationId: string, signal: AbortSignal): Promise<Ticket> {
    const details = await getItems(locationId, ticket.items.map((i) => i.menuItemId), signal);
    const byId = new Map(details.map((d) => [d.menuItemId, d]));
    return {
      ...ticket,
      items: ticket.items.map((i) => ({ ...i, allergens: byId.get(i.menuItemId)?.allergens.join(",") ?? i.allergens })),
    };
  }

  stationFeed = async (call: ServerWritableStream<StationFeedRequest, Ticket>): Promise<void> => {
    const session = await this.openSession(call);
    if (!session) return;
    const { locationId, stationId } = call.request;
    if (!session.canUseStation(locationId, stationId)) {
      session.end(status.PERMISSION_DENIED, `station ${stationId} not assigned`);
      return;
    }

    const push = async (ticket: Ticket) => {
      try {
        call.write(await this.decorate(ticket, locationId, session.signal));
      } catch (err: any) {
        if (session.signal.aborted) return;
        // menu hiccup: show the ticket undecorated rather than hold the line
        call.write(ticket);
      }
    };

    for (const t of tickets.pending(stationId)) await push(t);
    const listener = (t: Ticket) => void push(t);
    tickets.on(`station:${stationId}`, listener);
    session.signal.addEventListener("abort", () => tickets.off(`station:${stationId}`, listener), { once: true });
  };

  bumpTickets = async (call: ServerDuplexStream<BumpCommand, BumpResult>): Promise<void> => {
    const session = await this.openSession(call);
    if (!session) return;

    call.on("data", async (cmd: BumpCommand) => {
      if (!(await this.limiter.allow(session.claims.sub))) {
        session.end(status.RESOURCE_EXHAUSTED, "rate_limit_exceeded");
        return;
      }
      const ticket = tickets.get(cmd.ticketId);
      if (!ticket || ticket.stationId !== cmd.stationId) {
        call.write({ requestId: cmd.requestId, ok: false, error: "unknown ticket" });
        return;
      }
      if (!session.canUseStation(session.claims.locationId, cmd.stationId)) {
        call.write({ requestId: cmd.requestId, ok: false, error: "PERMISSION_DENIED" });
        return;
      }
      if (cmd.action === "eighty_six" && session.claims.role === "cook") {
        call.write({ requestId: cmd.requestId, ok: false, error: "PERMISSION_DENIED" });
        return;
      }
      try {
        await markServed(call, cmd.ticketId, cmd.action);
        if (cmd.action === "bump") tickets.bump(cmd.ticketId);
        call.write({ requestId: cmd.requestId, ok: true, error: "" });
      } catch (err: any) {
        call.write({ requestId: cmd.requestId, ok: false, error: err.details ?? String(err) });
      }
    });
    call.on("end", () => {
      session.close();
      call.end();
    });
  };

  exportShift = async (call: ServerWritableStream<ExportShiftRequest, TicketRecord>): Promise<void> => {
    const session = await this.openSession(call);
    if (!session) return;
    if (session.claims.role !== "manager" || call.request.locationId !== session.claims.locationId) {
      call.destroy(denied("managers of this location only"));
      session.close();
      return;
    }
    const remaining = session.remainingMs();
    const signal = Number.isFinite(remaining)
      ? AbortSignal.any([session.signal, AbortSignal.timeout(remaining)])
      : session.signal;
    try {
      for await (const record of shiftTickets(call.request.locationId, call.request.shiftId, signal)) {
        call.write(record);
      }
      call.end();
    } catch (err: any) {
      if (!signal.aborted) call.destroy(Object.assign(err, { code: status.UNAVAILABLE, details: err.message }));
    } finally {
      session.close();
    }
  };
}

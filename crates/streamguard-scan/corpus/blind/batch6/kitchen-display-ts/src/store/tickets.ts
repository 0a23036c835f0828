import { EventEmitter } from "node:events";
import type { Ticket } from "../generated/kds";

// Order router publishes fired tickets here (it runs in-process and is fed by
// the POS webhook consumer).
class TicketBus extends EventEmitter {
  private readonly open = new Map<string, Ticket>();

  fire(ticket: Ticket): void {
    this.open.set(ticket.ticketId, ticket);
    this.emit(`station:${ticket.stationId}`, ticket);
  }

  bump(ticketId: string): Ticket | undefined {
    const t = this.open.get(ticketId);
    this.open.delete(ticketId);
    return t;
  }

  get(ticketId: string): Ticket | undefined {
    return this.open.get(ticketId);
  }

  pending(stationId: string): Ticket[] {
    return [...this.open.values()].filter((t) => t.stationId === stationId);
  }
}

export const tickets = new TicketBus();
tickets.setMaxListeners(0);

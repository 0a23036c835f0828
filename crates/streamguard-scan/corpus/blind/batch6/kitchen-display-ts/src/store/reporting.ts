import type { TicketRecord } from "../generated/kds";

const REPORTING_URL = process.env.REPORTING_URL ?? "http://reporting.brigade.internal:8080";

export async function* shiftTickets(locationId: string, shiftId: string, signal: AbortSignal): AsyncGenerator<TicketRecord> {
  let cursor = "";
  for (let page = 0; page < 200; page++) {
    const url = `${REPORTING_URL}/v1/locations/${locationId}/shifts/${shiftId}/tickets?cursor=${encodeURIComponent(cursor)}`;
    const res = await fetch(url, { signal });
    if (!res.ok) throw new Error(`reporting answered ${res.status}`);
    const body = (await res.json()) as { records: TicketRecord[]; next?: string };
    yield* body.records;
    if (!body.next) return;
    cursor = body.next;
  }
}

#!/usr/bin/env node
// printer-bridge: subscribes to a station feed and prints each ticket on the
// station's thermal printer (for kitchens without screens on the line).
import { credentials, Metadata } from "@grpc/grpc-js";
import net from "node:net";
import { KitchenDisplayClient, type Ticket } from "../generated/kds";

function formatTicket(t: Ticket): string {
  const lines = [`#${t.orderId}  ${t.course}`, "-".repeat(32)];
  for (const item of t.items) {
    lines.push(`${item.qty} x ${item.name}`);
    for (const m of item.modifiers) lines.push(`   - ${m}`);
    if (item.allergens) lines.push(`   !! ${item.allergens}`);
  }
  return lines.join("\n") + "\n\n\n\x1dV\x00";
}

function printAll(printer: net.Socket, batch: Ticket[]): void {
  for (const t of batch) printer.write(formatTicket(t));
}

function run(): void {
  const [server, location, station, printerHost] = process.argv.slice(2);
  if (!server || !location || !station || !printerHost) {
    console.error("usage: printer-bridge SERVER LOCATION STATION PRINTER_HOST[:PORT]");
    process.exit(2);
  }
  const token = process.env.KDS_TOKEN;
  if (!token) {
    console.error("printer-bridge: set KDS_TOKEN to a station token (kdsctl token issue --station ...)");
    process.exit(2);
  }
  const [host, port = "9100"] = printerHost.split(":");
  const printer = net.connect(Number(port), host);
  const client = new KitchenDisplayClient(server, credentials.createSsl());
  const md = new Metadata();
  md.set("authorization", `Bearer ${token}`);

  const feed = client.stationFeed({ locationId: location, stationId: station }, md);
  const batch: Ticket[] = [];
  feed.on("data", (t: Ticket) => {
    batch.push(t);
    setImmediate(() => printAll(printer, batch.splice(0)));
  });
  feed.on("error", (err) => {
    console.error(`feed ended: ${err.message}; restart in 5 s`);
    setTimeout(run, 5_000);
  });
}

run();

import * as grpc from "@grpc/grpc-js";
import { SettlementService, type Invoice, type InvoiceId, type InvoiceQuery, type SettlementServer } from "../generated/auction.js";
import { fetchInvoice } from "./ledgerClient.js";
import { invoiceIdsForBuyer } from "./saleIndex.js";

const API_KEYS = new Map<string, string>(
  (process.env.SETTLEMENT_API_KEYS ?? "").split(",").filter(Boolean).map((kv) => kv.split("=") as [string, string]),
);

function buyerFor(call: grpc.ServerSurfaceCall): string | undefined {
  const key = call.metadata.get("x-api-key")[0];
  return typeof key === "string" ? API_KEYS.get(key) : undefined;
}

const settlement: SettlementServer = {
  async streamInvoices(call: grpc.ServerWritableStream<InvoiceQuery, Invoice>) {
    const buyer = buyerFor(call);
    if (!buyer) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: "unknown api key" } as grpc.ServiceError);
      return;
    }
    const ids = await invoiceIdsForBuyer(call.request.saleId, buyer);
    for (const id of ids) {
      if (call.cancelled) return;
      // Stop the ledger lookup when the buyer hangs up.
      const invoice = await fetchInvoice(id, { parent: call, propagate_flags: grpc.propagate.CANCELLATION });
      call.write(invoice);
    }
    call.end();
  },

  getInvoice(call: grpc.ServerUnaryCall<InvoiceId, Invoice>, callback: grpc.sendUnaryData<Invoice>) {
    if (!buyerFor(call)) return callback({ code: grpc.status.UNAUTHENTICATED, details: "unknown api key" });
    fetchInvoice(call.request.id).then((inv) => callback(null, inv), (err) => callback(err));
  },
};

const server = new grpc.Server();
server.addService(SettlementService, settlement);
server.bindAsync(process.env.SETTLEMENT_ADDR ?? "0.0.0.0:7450", grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`settlement on ${port}`);
});

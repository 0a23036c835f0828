import * as grpc from "@grpc/grpc-js";
import { SettlementClient, type Invoice } from "../generated/auction.js";

// The finance ledger exposes GetInvoice on the same Settlement service definition.
const ledger = new SettlementClient(process.env.LEDGER_ADDR ?? "ledger.finance.internal:443", grpc.credentials.createSsl());

export function fetchInvoice(id: string, options: Partial<grpc.CallOptions> = {}): Promise<Invoice> {
  return new Promise((resolve, reject) => {
    ledger.getInvoice({ id }, new grpc.Metadata(), options, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

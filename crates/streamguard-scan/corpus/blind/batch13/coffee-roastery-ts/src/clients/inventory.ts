import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import path from "node:path";
import { config } from "../config";

const def = protoLoader.loadSync(path.join(__dirname, "../../proto/inventory.proto"), { defaults: true });
const pkg = grpc.loadPackageDefinition(def) as any;

const client = new pkg.inventory.v1.Inventory(config.inventory, grpc.credentials.createInsecure());

export interface BatchRow {
  batchId: string;
  roasterId: string;
  greenLot: string;
  chargeKg: number;
  yieldKg: number;
  droppedUnixMs: number;
}

// Streams batch records from the inventory service; the downstream call is
// a child of the incoming one, so it inherits its deadline and cancellation.
export function batchesBetween(parent: grpc.ServerWritableStream<any, any>, from: string, to: string): grpc.ClientReadableStream<BatchRow> {
  return client.listRoastBatches({ fromDate: from, toDate: to }, { parent });
}

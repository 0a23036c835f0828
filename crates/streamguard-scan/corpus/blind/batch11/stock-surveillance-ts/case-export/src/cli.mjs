#!/usr/bin/env node
// Nightly job: exports the cases of each desk to CSV for the compliance archive.
import { writeFileSync } from "node:fs";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

const def = protoLoader.loadSync(new URL("../../proto/surveillance.proto", import.meta.url).pathname);
const { Surveillance } = grpc.loadPackageDefinition(def).surveillance.v1;
const client = new Surveillance(process.env.SURV_ADDR ?? "localhost:50090", grpc.credentials.createInsecure());
const md = new grpc.Metadata();
md.set("authorization", `Bearer ${process.env.SURV_TOKEN}`);

async function exportDesk(day, desk) {
  const rows = ["case_id,desk,status,summary"];
  for await (const c of client.ExportCases({ trading_day: day, desk }, md, { deadline: Date.now() + 120_000 })) {
    rows.push([c.case_id, c.desk, c.status, JSON.stringify(c.summary)].join(","));
  }
  writeFileSync(`cases-${day}-${desk}.csv`, rows.join("\n"));
}

const day = process.argv[2] ?? new Date().toISOString().slice(0, 10);
for (const desk of (process.env.DESKS ?? "equities,fx,rates").split(",")) {
  await exportDesk(day, desk);
}

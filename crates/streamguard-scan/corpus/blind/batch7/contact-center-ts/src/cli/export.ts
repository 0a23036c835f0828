#!/usr/bin/env node
// recording-exporter: download an agent's recordings for QA review.
import * as grpc from "@grpc/grpc-js";
import { createWriteStream } from "node:fs";
import { AgentDeskClient, type Recording } from "../generated/agentdesk";

function usage(): never {
  console.error("usage: export <agent-id> <from-iso> <to-iso> <out.csv>");
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const [agentId, from, to, out] = argv;
  if (!agentId || !from || !to || !out) usage();
  const client = new AgentDeskClient(process.env.GATEWAY ?? "localhost:8443", grpc.credentials.createInsecure());
  const md = new grpc.Metadata();
  md.set("authorization", `Bearer ${process.env.AGENT_TOKEN ?? ""}`);

  const file = createWriteStream(out);
  file.write("recording_id,call_id,url,started\n");
  const stream = client.exportRecordings(
    { agentId, fromUnixMs: Date.parse(from), toUnixMs: Date.parse(to) },
    md,
    { deadline: Date.now() + 120_000 },
  );
  let n = 0;
  for await (const r of stream as AsyncIterable<Recording>) {
    file.write(`${r.recordingId},${r.callId},${r.url},${new Date(r.startedUnixMs).toISOString()}\n`);
    n++;
  }
  file.end();
  console.log(`${n} recordings written to ${out}`);
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err.details ?? err);
  process.exit(1);
});

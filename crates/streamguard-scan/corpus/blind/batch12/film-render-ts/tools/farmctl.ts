#!/usr/bin/env node
// farmctl: follow a render job from the terminal.
import * as grpc from "@grpc/grpc-js";
import { RenderFarmService } from "../src/gen/render/v1/render";

const Client = grpc.makeGenericClientConstructor(RenderFarmService, "RenderFarm");

function main(jobId: string): void {
  const client = new Client(process.env.RENDER_ADDR ?? "render:7443", grpc.credentials.createSsl()) as any;
  const md = new grpc.Metadata();
  md.set("authorization", `Bearer ${process.env.RENDER_TOKEN ?? ""}`);
  const stream = client.followJob({ jobId }, md);
  stream.on("data", (p: { done: number; total: number; state: string }) =>
    process.stdout.write(`\r${p.state} ${p.done}/${p.total}`),
  );
  stream.on("end", () => process.stdout.write("\n"));
  stream.on("error", (e: grpc.ServiceError) => {
    console.error(e.details);
    process.exitCode = 1;
  });
}

main(process.argv[2] ?? "");

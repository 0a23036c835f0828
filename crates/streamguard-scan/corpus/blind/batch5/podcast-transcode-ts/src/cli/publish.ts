// Producer tool: uploads a master file in 256 KiB chunks, then follows the job.
import { createReadStream } from "node:fs";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

const [file, showId, episodeId] = process.argv.slice(2);
if (!file || !showId || !episodeId) {
  console.error("usage: publish <master.wav> <show-id> <episode-id>");
  process.exit(2);
}
const def = protoLoader.loadSync(path.resolve("proto/transcode.proto"), { longs: Number });
const { Transcoder } = (grpc.loadPackageDefinition(def) as any).pod.transcode.v1;
const client = new Transcoder(process.env.TRANSCODER ?? "localhost:9310", grpc.credentials.createInsecure());
const md = new grpc.Metadata();
md.set("authorization", `Bearer ${process.env.POD_TOKEN ?? ""}`);

const upload = client.SubmitJob(md, { deadline: Date.now() + 10 * 60_000 }, (err: grpc.ServiceError | null, ticket: any) => {
  if (err) return console.error(`upload failed: ${err.details}`);
  const follow = client.FollowJob({ jobId: ticket.jobId }, md);
  follow.on("data", (p: any) => console.log(`${p.stage} ${p.percent}%`));
  follow.on("error", (e: grpc.ServiceError) => console.error(e.details));
});
let first = true;
for await (const data of createReadStream(file, { highWaterMark: 256 * 1024 })) {
  upload.write(first ? { showId, episodeId, codec: "wav", data } : { data });
  first = false;
}
upload.end();

import * as grpc from "@grpc/grpc-js";
import { StreamGuard } from "../guard/streamGuard.js";
import { allowJob } from "../guard/identityLimiter.js";
import { putObject } from "../storage/blobStore.js";
import type { Job, JobBoard } from "./jobs.js";

const MAX_MASTER_BYTES = 2 * 1024 ** 3;

export function transcoderHandlers(board: JobBoard): grpc.UntypedServiceImplementation {
  return {
    async SubmitJob(call: grpc.ServerReadableStream<any, any>, done: grpc.sendUnaryData<any>) {
      const guard = await StreamGuard.attach(call);
      if (!guard) return;
      if (!allowJob(guard.subject)) return guard.end(grpc.status.RESOURCE_EXHAUSTED, "job quota exceeded for this hour");

      const parts: Buffer[] = [];
      let size = 0;
      let showId = "";
      let episodeId = "";
      for await (const chunk of call) {
        guard.touch();
        if (!showId) {
          // Only the first chunk names the show; the rest are audio bytes.
          if (!guard.ownsShow(chunk.showId)) return guard.end(grpc.status.PERMISSION_DENIED, `show ${chunk.showId} not yours`);
          showId = chunk.showId;
          episodeId = chunk.episodeId;
        }
        size += chunk.data.length;
        if (size > MAX_MASTER_BYTES) return guard.end(grpc.status.RESOURCE_EXHAUSTED, "master larger than 2 GiB");
        parts.push(chunk.data);
      }
      await putObject(`${showId}/${episodeId}`, Buffer.concat(parts), guard.deadline(), guard.signal);
      const job = board.create(showId, episodeId);
      guard.release();
      done(null, { jobId: job.id, bytes: size });
    },

    async FollowJob(call: grpc.ServerWritableStream<any, any>) {
      const guard = await StreamGuard.attach(call);
      if (!guard) return;
      const job = board.get(call.request.jobId);
      if (!job || !guard.ownsShow(job.showId)) return guard.end(grpc.status.NOT_FOUND, `no job ${call.request.jobId}`);
      const onChange = (j: Job) => {
        if (j.id !== job.id) return;
        call.write({ jobId: j.id, percent: j.percent, stage: j.stage, done: j.done, error: j.error ?? "" });
        if (j.done) {
          guard.release();
          call.end();
        }
      };
      board.on("change", onChange);
      guard.signal.addEventListener("abort", () => board.off("change", onChange), { once: true });
      onChange(job);
    },

    async WatchQueue(call: grpc.ServerWritableStream<any, any>) {
      const guard = await StreamGuard.attach(call);
      if (!guard) return;
      const { showId } = call.request;
      if (!guard.ownsShow(showId)) return guard.end(grpc.status.PERMISSION_DENIED, `show ${showId} not yours`);
      const send = () => {
        const jobs = board.forShow(showId);
        call.write({ showId, queued: jobs.filter((j) => j.stage === "queued").length, running: jobs.filter((j) => j.stage !== "queued").length, jobIds: jobs.map((j) => j.id) });
        guard.touch();
      };
      const timer = setInterval(send, 5000);
      guard.signal.addEventListener("abort", () => clearInterval(timer), { once: true });
      send();
    },
  };
}

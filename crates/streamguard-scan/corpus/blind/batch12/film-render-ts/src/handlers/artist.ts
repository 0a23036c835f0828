import * as grpc from "@grpc/grpc-js";
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
import { setTimeout as sleep } from "node:timers/promises";
import type {
  FrameSpec, SubmitSummary, FollowJobRequest, JobProgress, WatchQueueRequest, QueueSnapshot,
} from "../gen/render/v1/render";
import { principalOf } from "../auth/interceptor";
import { RenderSession } from "../auth/session";
import { jobs } from "../clients/jobs";
import { config } from "../config";

const s3 = new S3Client({});

function artist(call: { metadata: grpc.Metadata }) {
  const p = principalOf(call);
  if (p.kind !== "artist") throw { code: grpc.status.PERMISSION_DENIED, details: "artists only" };
  return p;
}

export class ArtistHandlers {
  // Client stream: frames of one submission; each frame names its project.
  submitFrames = (
    call: grpc.ServerReadableStream<FrameSpec, SubmitSummary>,
    callback: grpc.sendUnaryData<SubmitSummary>,
  ): void => {
    const who = artist(call);
    const session = new RenderSession(call, who.sub, who.jti, who.exp);
    const frames: number[] = [];
    let project = "";
    const uploads: Promise<unknown>[] = [];

    call.on("data", (spec: FrameSpec) => {
      if (!who.projects.includes(spec.project) || (project && spec.project !== project)) {
        session.end(grpc.status.PERMISSION_DENIED, `project ${spec.project} not permitted`);
        return;
      }
      project = spec.project;
      frames.push(spec.frame);
      uploads.push(
        s3.send(
          new PutObjectCommand({ Bucket: config.sceneBucket, Key: `${project}/${spec.shot}/${spec.frame}.usd`, Body: spec.sceneBlob }),
          { abortSignal: session.signal },
        ),
      );
    });
    call.on("end", async () => {
      try {
        await Promise.all(uploads);
        const jobId = await jobs.create(project, frames, session.signal);
        callback(null, { jobId, frames: frames.length });
      } catch (err) {
        callback({ code: grpc.status.UNAVAILABLE, details: (err as Error).message });
      }
    });
  };

  // Server stream that ends when the job completes or fails.
  followJob = async (call: grpc.ServerWritableStream<FollowJobRequest, JobProgress>): Promise<void> => {
    const who = artist(call);
    const aborted = new AbortController();
    call.on("cancelled", () => aborted.abort());
    try {
      for (;;) {
        const job = await jobs.job(call.request.jobId, AbortSignal.any([aborted.signal, AbortSignal.timeout(10_000)]));
        if (!who.projects.includes(job.project)) {
          call.destroy({ code: grpc.status.PERMISSION_DENIED, details: "not your project" });
          return;
        }
        call.write({ jobId: job.jobId, done: job.done, total: job.total, state: job.state });
        if (job.state === "DONE" || job.state === "FAILED") break;
        await sleep(2000, undefined, { signal: aborted.signal });
      }
      call.end();
    } catch (err) {
      if (!aborted.signal.aborted) call.destroy({ code: grpc.status.UNAVAILABLE, details: (err as Error).message });
    }
  };

  // Endless server stream of queue snapshots for a project.
  watchQueue = async (call: grpc.ServerWritableStream<WatchQueueRequest, QueueSnapshot>): Promise<void> => {
    const who = artist(call);
    if (!who.projects.includes(call.request.project)) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: "not your project" });
      return;
    }
    const session = new RenderSession(call, who.sub, who.jti, who.exp);
    try {
      while (!session.signal.aborted) {
        const q = await jobs.queue(call.request.project, session.signal);
        call.write({ project: call.request.project, ...q });
        await sleep(3000, undefined, { signal: session.signal });
      }
    } catch {
      /* session ended or call cancelled */
    }
  };
}

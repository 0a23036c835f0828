import * as grpc from '@grpc/grpc-js';
import type { ICoordinatorServer } from '@runnerd/proto';
import { CoordinatorMessage, Job, LogLine, type RunnerMessage, type PoolLogsRequest, type GetJobRequest } from '@runnerd/proto/gen/runner_pb.js';
import { verifyRunner, verifyUser, guardRunnerSession } from './auth/session.js';
import { logBus, type PoolLogLine } from './logs/bus.js';
import { jobQueue, type QueuedJob } from './jobs.js';
import { uploadArtifact } from './artifacts.js';
import { config } from './config.js';

function toJob(q: QueuedJob): Job {
  const job = new Job();
  job.setId(q.id);
  job.setRepo(q.repo);
  job.setRef(q.ref);
  job.setStepsList(q.steps);
  job.setPool(q.pool);
  job.setState(q.state);
  return job;
}

async function attach(call: grpc.ServerDuplexStream<RunnerMessage, CoordinatorMessage>): Promise<void> {
  let claims;
  try {
    claims = await verifyRunner(call.metadata);
  } catch (err: any) {
    call.destroy({ code: err.code ?? grpc.status.UNAUTHENTICATED, details: err.message });
    return;
  }

  const runnerId = claims.sub;
  const assigned = new Set<string>();
  const disposeGuard = guardRunnerSession(call, claims);
  const lifetime = setTimeout(() => {
    call.destroy({ code: grpc.status.UNAVAILABLE, details: 'max_stream_lifetime' });
  }, config.maxAttachMs);

  const offer = (job: QueuedJob) => {
    if (!jobQueue.claim(job.id, runnerId)) return;
    assigned.add(job.id);
    const msg = new CoordinatorMessage();
    msg.setJob(toJob(job));
    call.write(msg);
  };
  jobQueue.on(`queued:${claims.pool}`, offer);

  const cleanup = () => {
    clearTimeout(lifetime);
    disposeGuard();
    jobQueue.off(`queued:${claims.pool}`, offer);
    jobQueue.release(runnerId);
  };
  call.on('cancelled', cleanup);
  call.on('close', cleanup);

  call.on('data', async (msg: RunnerMessage) => {
    const jobId = msg.getJobId();
    if (msg.hasHeartbeat()) return;
    if (!assigned.has(jobId)) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `job ${jobId} not assigned to this runner` });
      return;
    }
    if (msg.hasLog()) {
      const log = msg.getLog()!;
      logBus.publish(claims.pool, { jobId, seq: log.getSeq(), text: log.getText() });
    } else if (msg.hasStatus()) {
      const state = msg.getStatus()!.getState() as QueuedJob['state'];
      jobQueue.finish(jobId, state);
      if (state !== 'running') assigned.delete(jobId);
    } else if (msg.hasArtifact()) {
      const a = msg.getArtifact()!;
      try {
        await uploadArtifact(jobId, a.getName(), a.getData_asU8(), a.getContentType());
      } catch (err) {
        console.warn(`artifact ${a.getName()} for ${jobId} failed`, err);
      }
    }
  });

  call.on('end', () => {
    cleanup();
    call.end();
  });
}

async function streamPoolLogs(call: grpc.ServerWritableStream<PoolLogsRequest, LogLine>): Promise<void> {
  let user;
  try {
    user = await verifyUser(call.metadata);
  } catch (err: any) {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: err.message });
    return;
  }
  const pool = call.request.getPool();
  if (!user.pools.includes(pool)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `no access to pool ${pool}` });
    return;
  }

  const onLine = (line: PoolLogLine) => {
    const out = new LogLine();
    out.setJobId(line.jobId);
    out.setSeq(line.seq);
    out.setText(line.text);
    call.write(out);
  };
  logBus.on(`pool:${pool}`, onLine);
  call.on('cancelled', () => logBus.off(`pool:${pool}`, onLine));
  call.on('close', () => logBus.off(`pool:${pool}`, onLine));
}

async function getJob(call: grpc.ServerUnaryCall<GetJobRequest, Job>, callback: grpc.sendUnaryData<Job>): Promise<void> {
  try {
    await verifyUser(call.metadata);
  } catch (err: any) {
    callback({ code: grpc.status.UNAUTHENTICATED, details: err.message });
    return;
  }
  const job = jobQueue.get(call.request.getId());
  if (!job) {
    callback({ code: grpc.status.NOT_FOUND, details: 'no such job' });
    return;
  }
  callback(null, toJob(job));
}

export const coordinator: ICoordinatorServer = {
  attach,
  streamPoolLogs,
  getJob,
};

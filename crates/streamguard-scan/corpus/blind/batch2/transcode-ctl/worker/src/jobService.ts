import fs from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import * as pb from '../gen/transcode_pb';
import { FfmpegRun } from './ffmpeg';
import { probeDuration } from './probe';

function progressMsg(run: FfmpegRun, stage: string): pb.JobProgress {
  const p = new pb.JobProgress();
  p.setJobId(run.jobId);
  p.setPercent(run.percent);
  p.setStage(stage);
  p.setDone(run.done);
  p.setError(run.error);
  return p;
}

export class JobService {
  private runs = new Map<string, FfmpegRun>();

  constructor(private readonly workDir: string) {}

  async startJob(call: grpc.ServerUnaryCall<pb.StartJobRequest, pb.StartJobResponse>, cb: grpc.sendUnaryData<pb.StartJobResponse>) {
    const req = call.request;
    if (this.runs.has(req.getJobId())) {
      cb({ code: grpc.status.ALREADY_EXISTS, details: 'job exists' });
      return;
    }
    const run = new FfmpegRun(req.getJobId(), this.workDir);
    this.runs.set(req.getJobId(), run);
    const duration = await probeDuration(req.getSourceUri());
    run.start(req.getSourceUri(), req.getRenditionsList().map((r) => ({
      name: r.getName(), height: r.getHeight(), bitrateKbps: r.getBitrateKbps(), codec: r.getCodec(),
    })), duration);
    const res = new pb.StartJobResponse();
    res.setWorkerId(process.env.HOSTNAME ?? 'worker');
    cb(null, res);
  }

  watchJob(call: grpc.ServerWritableStream<pb.WatchJobRequest, pb.JobProgress>) {
    const run = this.runs.get(call.request.getJobId());
    if (!run) {
      call.destroy({ code: grpc.status.NOT_FOUND, details: 'unknown job' });
      return;
    }
    if (run.done) {
      call.write(progressMsg(run, 'finished'));
      call.end();
      return;
    }
    const onProgress = () => call.write(progressMsg(run, 'encoding'));
    const onDone = () => {
      call.write(progressMsg(run, 'finished'));
      detach();
      call.end();
    };
    const detach = () => {
      run.off('progress', onProgress);
      run.off('done', onDone);
    };
    run.on('progress', onProgress);
    run.on('done', onDone);
    call.on('cancelled', detach);
  }

  tailFfmpegLog(call: grpc.ServerWritableStream<pb.TailRequest, pb.LogChunk>) {
    const run = this.runs.get(call.request.getJobId());
    if (!run) {
      call.destroy({ code: grpc.status.NOT_FOUND, details: 'unknown job' });
      return;
    }
    let offset = 0;
    const readMore = () => {
      fs.stat(run.logPath, (err, st) => {
        if (err || st.size <= offset) return;
        const rs = fs.createReadStream(run.logPath, { start: offset, end: st.size - 1, encoding: 'utf8' });
        offset = st.size;
        rs.on('data', (text) => {
          const chunk = new pb.LogChunk();
          chunk.setText(String(text));
          call.write(chunk);
        });
      });
    };
    readMore();
    const watcher = fs.watch(run.logPath, readMore);
    call.on('cancelled', () => watcher.close());
    call.on('close', () => watcher.close());
  }

  killJob(call: grpc.ServerUnaryCall<pb.KillJobRequest, pb.KillJobResponse>, cb: grpc.sendUnaryData<pb.KillJobResponse>) {
    this.runs.get(call.request.getJobId())?.kill();
    cb(null, new pb.KillJobResponse());
  }
}

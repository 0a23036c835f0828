import type * as grpc from '@grpc/grpc-js';
import { execa } from 'execa';
import { RunnerMessage, JobStatus, LogLine, type CoordinatorMessage } from '@runnerd/proto/gen/runner_pb.js';

function status(jobId: string, state: string, exitCode = 0): RunnerMessage {
  const m = new RunnerMessage();
  m.setJobId(jobId);
  const s = new JobStatus();
  s.setState(state);
  s.setExitCode(exitCode);
  m.setStatus(s);
  return m;
}

export async function pump(call: grpc.ClientDuplexStream<RunnerMessage, CoordinatorMessage>): Promise<void> {
  for await (const msg of call as AsyncIterable<CoordinatorMessage>) {
    if (!msg.hasJob()) continue;
    const job = msg.getJob()!;
    call.write(status(job.getId(), 'running'));
    let seq = 0;
    let code = 0;
    for (const step of job.getStepsList()) {
      const child = execa('sh', ['-c', step], { all: true, reject: false });
      child.all?.on('data', (chunk: Buffer) => {
        const m = new RunnerMessage();
        m.setJobId(job.getId());
        const l = new LogLine();
        l.setJobId(job.getId());
        l.setSeq(++seq);
        l.setText(chunk.toString('utf8'));
        m.setLog(l);
        call.write(m);
      });
      const res = await child;
      code = res.exitCode ?? 1;
      if (code !== 0) break;
    }
    call.write(status(job.getId(), code === 0 ? 'succeeded' : 'failed', code));
  }
}

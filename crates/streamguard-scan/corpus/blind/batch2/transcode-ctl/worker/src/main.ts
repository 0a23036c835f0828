import * as grpc from '@grpc/grpc-js';
import { WorkerService } from '../gen/transcode_grpc_pb';
import { JobService } from './jobService';

const jobs = new JobService(process.env.WORK_DIR ?? '/var/lib/vidpipe/work');
const server = new grpc.Server();

server.addService(WorkerService, {
  startJob: jobs.startJob.bind(jobs),
  watchJob: jobs.watchJob.bind(jobs),
  tailFfmpegLog: jobs.tailFfmpegLog.bind(jobs),
  killJob: jobs.killJob.bind(jobs),
});

server.bindAsync(process.env.WORKER_ADDR ?? '0.0.0.0:8700', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`worker ready on ${port}`);
});

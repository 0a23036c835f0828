import * as grpc from '@grpc/grpc-js';
import { v4 as uuid } from 'uuid';
import { pickWorker, remember, workerFor } from './workerPool';
import { openIncoming } from './storage';

const MAX_SOURCE_BYTES = 8 * 1024 * 1024 * 1024;

export function submitAndWatch(call: grpc.ServerWritableStream<any, any>): void {
  const jobId = uuid();
  const worker = pickWorker();
  const req = { jobId, sourceUri: call.request.sourceUri, renditions: call.request.renditions };

  worker.startJob(req, { deadline: call.getDeadline() }, (err: grpc.ServiceError | null) => {
    if (err) {
      call.destroy({ code: err.code, details: `start failed: ${err.details}` });
      return;
    }
    remember(jobId, worker);

    const watch = worker.watchJob({ jobId }, { parent: call, propagate_flags: grpc.propagate.DEADLINE });
    watch.on('data', (p: any) => {
      call.write(p);
      if (p.done) call.end();
    });
    watch.on('error', (e: grpc.ServiceError) => {
      call.destroy({ code: e.code, details: e.details });
    });
  });
}

export function uploadSource(call: grpc.ServerReadableStream<any, any>, callback: grpc.sendUnaryData<any>): void {
  let sink: ReturnType<typeof openIncoming> | null = null;
  let bytes = 0;
  let failed = false;

  call.on('data', (chunk: any) => {
    if (failed) return;
    if (!sink) sink = openIncoming(chunk.filename);
    bytes += chunk.data.length;
    if (bytes > MAX_SOURCE_BYTES) {
      failed = true;
      sink.discard();
      callback({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'source too large' });
      return;
    }
    if (!sink.stream.write(chunk.data)) {
      call.pause();
      sink.stream.once('drain', () => call.resume());
    }
  });

  call.on('cancelled', () => {
    failed = true;
    sink?.discard();
  });

  call.on('end', () => {
    if (failed) return;
    if (!sink) {
      callback({ code: grpc.status.INVALID_ARGUMENT, details: 'empty upload' });
      return;
    }
    const s = sink;
    s.stream.end(() => callback(null, { sourceUri: s.uri, bytes }));
  });
}

export function cancelJob(call: grpc.ServerUnaryCall<any, any>, callback: grpc.sendUnaryData<any>): void {
  const worker = workerFor(call.request.jobId);
  if (!worker) {
    callback({ code: grpc.status.NOT_FOUND, details: 'unknown job' });
    return;
  }
  worker.killJob({ jobId: call.request.jobId }, { deadline: Date.now() + 5000 }, (err: grpc.ServiceError | null) => {
    if (err) callback(err);
    else callback(null, {});
  });
}

import grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import messages from '../generated/farm_pb.js';
import { policy } from '../auth.mjs';
import { printer } from '../printers.mjs';
import { config } from '../config.mjs';

const s3 = new S3Client({});

export function makeUploadGcode({ open }) {
  return async function uploadGcode(call, callback) {
    const session = await open(call, callback);
    if (!session) return;
    const parts = [];
    let size = 0;
    let meta = null;
    let refused = false;

    call.on('data', (chunk) => {
      if (refused) return;
      session.touch();
      if (!meta) {
        meta = { jobName: chunk.getJobName(), printerId: chunk.getPrinterId() };
        if (!policy.allows(session.claims, printer(meta.printerId), 'upload')) {
          refused = true;
          callback({ code: grpc.status.PERMISSION_DENIED, details: `upload to ${meta.printerId} not allowed` });
          return;
        }
      }
      const data = chunk.getData_asU8 ? chunk.getData_asU8() : chunk.getData();
      size += data.length;
      if (size > config.maxUploadBytes) {
        refused = true;
        callback({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'job larger than 64 MiB' });
        return;
      }
      parts.push(Buffer.from(data));
    });

    call.on('end', async () => {
      if (refused || !meta) return;
      const jobId = randomUUID();
      try {
        const signal = AbortSignal.any([session.signal, AbortSignal.timeout(session.remainingMs(60_000))]);
        await s3.send(
          new PutObjectCommand({ Bucket: config.jobsBucket, Key: `${meta.printerId}/${jobId}.gcode`, Body: Buffer.concat(parts) }),
          { abortSignal: signal },
        );
        const res = new messages.UploadResult();
        res.setJobId(jobId);
        res.setBytes(size);
        callback(null, res);
      } catch (err) {
        callback({ code: grpc.status.UNAVAILABLE, details: `store failed: ${err.name}` });
      } finally {
        session.dispose();
      }
    });
  };
}

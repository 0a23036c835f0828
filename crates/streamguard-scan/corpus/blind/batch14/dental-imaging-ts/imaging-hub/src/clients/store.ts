import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough } from 'node:stream';
import { config } from '../config';

const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });

export function startScanUpload(key: string, abortSignal: AbortSignal): { sink: PassThrough; done: Promise<unknown> } {
  const sink = new PassThrough();
  const upload = new Upload({
    client: s3,
    params: { Bucket: config.bucket, Key: key, Body: sink, ContentType: 'application/dicom' },
    queueSize: 4,
    partSize: 16 * 1024 * 1024,
  });
  abortSignal.addEventListener('abort', () => upload.abort(), { once: true });
  return { sink, done: upload.done() };
}

import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough } from 'node:stream';
import { config } from '../config';

const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });

export function startLogUpload(key: string, abortController: AbortController) {
  const body = new PassThrough();
  const upload = new Upload({
    client: s3,
    params: { Bucket: config.logsBucket, Key: key, Body: body, ContentType: 'application/octet-stream' },
    queueSize: 2,
    partSize: 8 * 1024 * 1024,
    abortController,
  });
  return { body, done: upload.done() };
}

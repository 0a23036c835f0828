import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import { writeBatch } from './tsdb.mjs';

const PROTO = fileURLToPath(new URL('../protos/telemetry.proto', import.meta.url));
const pkg = grpc.loadPackageDefinition(
  protoLoader.loadSync(PROTO, { longs: Number, defaults: true }),
).telemetry.v2;

const MAX_POINTS_PER_STREAM_PER_MIN = 60_000;
const BATCH = 1_000;

function pushMetrics(call, callback) {
  const tenant = call.metadata.get('x-tenant-id')[0] ?? 'default';
  const ac = new AbortController();
  let accepted = 0;
  let rejected = 0;
  let windowStart = Date.now();
  let inWindow = 0;
  let batch = [];
  let writing = Promise.resolve();

  call.on('cancelled', () => ac.abort());

  call.on('data', (m) => {
    const now = Date.now();
    if (now - windowStart > 60_000) {
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow > MAX_POINTS_PER_STREAM_PER_MIN) {
      rejected += 1;
      return;
    }
    batch.push({ ...m, labels: { ...m.labels, tenant } });
    accepted += 1;
    if (batch.length >= BATCH) {
      const toWrite = batch;
      batch = [];
      writing = writing.then(() => writeBatch(toWrite, ac.signal));
    }
  });

  call.on('end', async () => {
    try {
      await writing;
      if (batch.length) await writeBatch(batch, ac.signal);
      callback(null, { accepted, rejected });
    } catch (err) {
      callback({ code: grpc.status.UNAVAILABLE, details: err.message });
    }
  });
}

function streamLogs(call) {
  const sink = [];
  call.on('data', (line) => {
    sink.push(`${line.source}\t${line.text}`);
    if (sink.length > 10_000) sink.splice(0, sink.length - 10_000);
    call.write({ seq: line.seq });
  });
  call.on('end', () => call.end());
}

const server = new grpc.Server({ 'grpc.max_receive_message_length': 16 * 1024 * 1024 });
server.addService(pkg.Ingest.service, { pushMetrics, streamLogs });
server.bindAsync(process.env.INGEST_LISTEN ?? '0.0.0.0:4317', grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
});

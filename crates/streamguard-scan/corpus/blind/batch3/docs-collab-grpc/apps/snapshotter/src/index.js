import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import Database from 'better-sqlite3';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const def = protoLoader.loadSync(path.resolve(here, '../../../proto/collab/v1/snapshots.proto'), { defaults: true, longs: Number });
const { collab } = grpc.loadPackageDefinition(def);

const db = new Database(process.env.SNAPSHOT_INDEX ?? '/var/lib/snapshotter/index.db');
db.exec(`CREATE TABLE IF NOT EXISTS snapshots (doc_id TEXT, version INTEGER, taken_ms INTEGER, bytes INTEGER)`);

const insert = db.prepare('INSERT INTO snapshots (doc_id, version, taken_ms, bytes) VALUES (?, ?, ?, ?)');
const latest = db.prepare('SELECT doc_id, version, taken_ms, bytes FROM snapshots WHERE doc_id = ? ORDER BY version DESC LIMIT ?');

function takeSnapshot(call, callback) {
  const { docId } = call.request;
  const info = { docId, version: Date.now(), takenMs: Date.now(), bytes: 0 };
  insert.run(info.docId, info.version, info.takenMs, info.bytes);
  callback(null, info);
}

function listSnapshots(call) {
  const limit = Math.min(call.request.limit || 20, 200);
  for (const row of latest.iterate(call.request.docId, limit)) {
    if (call.cancelled) return;
    call.write({ docId: row.doc_id, version: row.version, takenMs: row.taken_ms, bytes: row.bytes });
  }
  call.end();
}

const server = new grpc.Server();
server.addService(collab.v1.Snapshots.service, { TakeSnapshot: takeSnapshot, ListSnapshots: listSnapshots });
server.bindAsync(process.env.SNAPSHOTTER_LISTEN ?? '127.0.0.1:7071', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`snapshotter on ${port}`);
});

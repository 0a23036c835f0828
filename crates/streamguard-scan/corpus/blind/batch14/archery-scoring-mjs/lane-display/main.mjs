// Big-screen driver: follows the leaderboard and redraws a terminal table.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const here = path.dirname(fileURLToPath(import.meta.url));
const def = protoLoader.loadSync(path.join(here, '../proto/archery/v1/range.proto'), { defaults: true });
const { archery } = grpc.loadPackageDefinition(def);

const [tournamentId, division = 'recurve'] = process.argv.slice(2);
const client = new archery.v1.RangeScoring(process.env.RANGE_ADDR ?? 'localhost:50090', grpc.credentials.createInsecure());

function follow() {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.RANGE_TOKEN}`);
  const rows = new Map();
  const stream = client.watchLeaderboard({ tournamentId, division }, md);
  stream.on('data', (s) => {
    rows.set(s.archerId, s);
    console.clear();
    for (const r of [...rows.values()].sort((a, b) => a.rank - b.rank)) {
      console.log(String(r.rank).padStart(3), r.name.padEnd(24), String(r.total).padStart(4), r.xs);
    }
  });
  // the server ends the stream at token expiry / lifetime: reconnect with a fresh token
  stream.on('error', () => setTimeout(follow, 2000));
}

follow();

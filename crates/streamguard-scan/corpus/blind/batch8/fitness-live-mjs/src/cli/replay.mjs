#!/usr/bin/env node
// replay: record a studio's leaderboard to NDJSON for the highlights reel.
//   node src/cli/replay.mjs STUDIO_ID [--minutes 60] > board.ndjson
import grpc from '@grpc/grpc-js';
import { classesGrpc, classesPb } from '../shared/grpc.mjs';

const [studioId, flag, minutesArg] = process.argv.slice(2);
if (!studioId) {
  console.error('usage: replay STUDIO_ID [--minutes N]   (STUDIO_ADDR, STUDIO_TOKEN in env)');
  process.exit(2);
}
const minutes = flag === '--minutes' ? Number(minutesArg) : 60;

const client = new classesGrpc.StudioClient(process.env.STUDIO_ADDR ?? 'localhost:50070', grpc.credentials.createInsecure());
const md = new grpc.Metadata();
md.set('authorization', `Bearer ${process.env.STUDIO_TOKEN ?? ''}`);
const req = new classesPb.WatchLeaderboardRequest();
req.setStudioId(studioId);

const stream = client.watchLeaderboard(req, md, { deadline: Date.now() + minutes * 60_000 });
stream.on('data', (frame) => {
  const entries = frame.getEntriesList().map((e) => ({ rider: e.getRiderId(), kj: e.getOutputKj(), rank: e.getRank() }));
  process.stdout.write(`${JSON.stringify({ classId: frame.getClassId(), at: frame.getUnixMs(), entries })}\n`);
});
stream.on('error', (err) => {
  if (err.code !== grpc.status.DEADLINE_EXCEEDED) {
    console.error(`replay: ${err.details}`);
    process.exitCode = 1;
  }
});

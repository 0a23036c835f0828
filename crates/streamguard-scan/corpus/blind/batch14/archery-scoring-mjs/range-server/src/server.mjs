import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import pg from 'pg';
import Redis from 'ioredis';
import { RevocationFeed } from './revocations.mjs';
import { IdentityLimiter } from './limiter.mjs';
import { Leaderboard } from './board.mjs';
import { makeScoreSession } from './handlers/scoreSession.mjs';
import { makeWatchLeaderboard } from './handlers/leaderboard.mjs';
import { makeUploadEndScores } from './handlers/upload.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const def = protoLoader.loadSync(path.join(here, '../../proto/archery/v1/range.proto'), {
  defaults: true,
  longs: Number,
});
const { archery } = grpc.loadPackageDefinition(def);

const redisUrl = process.env.REDIS_URL ?? 'redis://localhost:6379/2';
const feed = new RevocationFeed(redisUrl);
const limiter = new IdentityLimiter(new Redis(redisUrl), { perMinute: 240 });
const board = new Leaderboard();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

const server = new grpc.Server({
  'grpc.max_connection_age_ms': 30 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 15 * 1000,
  'grpc.max_connection_idle_ms': 5 * 60 * 1000,
});

server.addService(archery.v1.RangeScoring.service, {
  scoreSession: makeScoreSession({ feed, limiter }),
  watchLeaderboard: makeWatchLeaderboard({ feed, board }),
  uploadEndScores: makeUploadEndScores({ feed, pg: pool }),
});

server.bindAsync(process.env.RANGE_LISTEN ?? '0.0.0.0:50090', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`range-server on ${port}`);
});

export { board };

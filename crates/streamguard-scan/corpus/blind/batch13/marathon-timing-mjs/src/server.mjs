import grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { config } from './config.mjs';
import { readerKeyInterceptor } from './auth/apiKeyInterceptor.mjs';
import { makeReaderFeed } from './handlers/readerFeed.mjs';
import { makeFollowRunner } from './handlers/followRunner.mjs';
import { makeWatchLeaderboard } from './handlers/watchLeaderboard.mjs';

const require = createRequire(import.meta.url);
const services = require('./generated/timing_grpc_pb.js');

const raceId = process.env.RACE_ID ?? 'city-marathon-2024';

const server = new grpc.Server({
  interceptors: [readerKeyInterceptor],
  'grpc.max_concurrent_streams': 2000,
  'grpc.max_connection_idle_ms': 15 * 60_000,
  'grpc.keepalive_time_ms': 30_000,
});

server.addService(services.RaceTimingService, {
  readerFeed: makeReaderFeed({ raceId }),
  followRunner: makeFollowRunner(),
  watchLeaderboard: makeWatchLeaderboard(),
});

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`timing server on :${port} for ${raceId}`);
});

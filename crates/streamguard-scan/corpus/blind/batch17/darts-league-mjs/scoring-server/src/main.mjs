import grpc from '@grpc/grpc-js';
import services from '../gen/league_grpc_pb.js';
import { config } from './config.mjs';
import { makeWatchMatch } from './handlers/watch-match.mjs';
import { makeScorerConsole } from './handlers/scorer-console.mjs';
import { makeExportStandings } from './handlers/standings.mjs';

const server = new grpc.Server({
  'grpc.max_connection_age_ms': 30 * 60_000,
  'grpc.max_connection_age_grace_ms': 15_000,
  'grpc.keepalive_time_ms': 20_000,
});

server.addService(services.LeagueService, {
  watchMatch: makeWatchMatch(),
  scorerConsole: makeScorerConsole(),
  exportStandings: makeExportStandings(),
});

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`league scoring on :${port}`);
});

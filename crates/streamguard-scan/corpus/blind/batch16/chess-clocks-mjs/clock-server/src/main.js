import * as grpc from '@grpc/grpc-js';
import { TournamentClocksService } from './gen/clock_grpc_pb.js';
import { config } from './config.js';
import { makeWatchBoard } from './handlers/watchBoard.js';
import { makeClockSession } from './handlers/clockSession.js';
import { makeUploadPgn } from './handlers/uploadPgn.js';

const server = new grpc.Server({
  'grpc.max_connection_age_ms': 45 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 15_000,
});

server.addService(TournamentClocksService, {
  watchBoard: makeWatchBoard(),
  clockSession: makeClockSession(),
  uploadPgn: makeUploadPgn(),
});

server.bindAsync(config.listen, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`clock-server on ${port}`);
});

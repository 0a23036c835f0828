import { loadStudio } from '../shared/grpc.mjs';
import { withRider } from './riders.mjs';
import { makeRideSession } from './handlers/rideSession.mjs';
import { makeWatchLeaderboard } from './handlers/watchLeaderboard.mjs';
import { makeUploadRideFile } from './handlers/uploadRideFile.mjs';

export function registerStudio(server, deps) {
  const { Studio } = loadStudio();
  server.addService(Studio.service, {
    getClass: withRider((call, _rider, cb) => deps.classes.get(call.request.classId, cb)),
    rideSession: withRider(makeRideSession()),
    watchLeaderboard: withRider(makeWatchLeaderboard(deps)),
    uploadRideFile: withRider(makeUploadRideFile()),
  });
}

import grpc from '@grpc/grpc-js';
import { leaderboards } from '../leaderboard.mjs';

const FRAME_MS = 2000;
const RECORDS_EVERY = 30; // frames

// Lobby screens and the web app keep this open all day.
export function makeWatchLeaderboard({ stats }) {
  return function watchLeaderboard(call, rider) {
    const studioId = call.request.studioId;
    if (rider.studio && rider.studio !== studioId) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `rider belongs to ${rider.studio}` });
      return;
    }
    let n = 0;
    const tick = () => {
      for (const classId of leaderboards.liveClassesOf(studioId)) {
        call.write(leaderboards.frame(classId));
      }
      if (n++ % RECORDS_EVERY === 0) {
        stats.topRecords({ studioId, limit: 10 }, { parent: call }, (err, reply) => {
          if (err || call.cancelled) return;
          call.write({ classId: 'all-time', entries: reply.entries, unixMs: Date.now() });
        });
      }
    };
    const timer = setInterval(tick, FRAME_MS);
    tick();
    call.on('cancelled', () => clearInterval(timer));
    call.on('error', () => clearInterval(timer));
  };
}

import { createRequire } from 'node:module';
import { leaderboardFor } from '../clients/scoring.mjs';

const require = createRequire(import.meta.url);
const pb = require('../generated/timing_pb.js');

const REFRESH_MS = 5000;

// Public feed for the stadium screens and the website: no login, refreshed
// every five seconds for as long as the screen is on.
export function makeWatchLeaderboard() {
  return function watchLeaderboard(call) {
    const raceId = call.request.getRaceId();
    const category = call.request.getCategory();
    let stopped = false;

    const tick = async () => {
      try {
        const res = await leaderboardFor(call, raceId, category);
        if (stopped) return;
        const lb = new pb.Leaderboard();
        lb.setCategory(category);
        lb.setEntriesList(res.runners.map((r) => {
          const e = new pb.Entry();
          e.setRank(r.rank);
          e.setBib(r.bib);
          e.setName(r.name);
          e.setElapsedMs(Number(r.elapsedMs));
          return e;
        }));
        lb.setUnixMs(Date.now());
        call.write(lb);
      } catch (err) {
        if (!stopped) console.warn('scoring unavailable', err.code);
      }
    };

    tick();
    const timer = setInterval(tick, REFRESH_MS);
    const stop = () => {
      stopped = true;
      clearInterval(timer);
    };
    call.on('cancelled', stop);
    call.on('close', stop);
  };
}

import grpc from '@grpc/grpc-js';
import { RangeGuard } from '../guard.mjs';

// The leaderboard is recomputed by the scorer and published in-process; a
// watcher gets the current table and every change until the guard ends it.
export function makeWatchLeaderboard({ feed, board }) {
  return async function watchLeaderboard(call) {
    const guard = await RangeGuard.open(call, feed);
    if (!guard) return;
    const { tournamentId, division } = call.request;
    if (!guard.claims.scopes.has('leaderboard:read')) {
      guard.end(grpc.status.PERMISSION_DENIED, 'insufficient_scope');
      return;
    }
    const push = (table) => {
      guard.touch();
      for (const row of table) call.write(row);
    };
    push(board.current(tournamentId, division));
    const unsubscribe = board.subscribe(tournamentId, division, push);
    guard.signal.addEventListener('abort', unsubscribe, { once: true });
  };
}

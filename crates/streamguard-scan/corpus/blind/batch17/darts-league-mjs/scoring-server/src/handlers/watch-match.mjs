import grpc from '@grpc/grpc-js';
import messages from '../../gen/league_pb.js';
import { MatchGuard } from '../guard/match-guard.mjs';
import { matchFeed } from './feed.mjs';

export function makeWatchMatch() {
  return async function watchMatch(call) {
    const guard = await MatchGuard.open(call);
    if (!guard) return;
    const matchId = call.request.getMatchId();
    if (!guard.claims.scopes.has('matches:read')) {
      return guard.end(grpc.status.PERMISSION_DENIED, 'insufficient_scope');
    }

    const onThrow = (ev) => {
      const out = new messages.ThrowEvent();
      out.setMatchId(ev.matchId);
      out.setPlayerId(ev.playerId);
      out.setLeg(ev.leg);
      out.setScore(ev.score);
      out.setRemaining(ev.remaining);
      out.setAtUnixMs(ev.at);
      call.write(out);
      guard.touch();
    };
    const onEnd = () => {
      detach();
      call.end();
    };
    const detach = () => {
      matchFeed.off(`throw:${matchId}`, onThrow);
      matchFeed.off(`end:${matchId}`, onEnd);
    };

    matchFeed.on(`throw:${matchId}`, onThrow);
    matchFeed.once(`end:${matchId}`, onEnd);
    guard.signal.addEventListener('abort', detach, { once: true });
  };
}

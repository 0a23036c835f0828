import grpc from '@grpc/grpc-js';
import messages from '../../gen/league_pb.js';
import statsMessages from '../../gen/stats_pb.js';
import { MatchGuard } from '../guard/match-guard.mjs';
import { mayScore } from '../guard/tokens.mjs';
import { allowThrow, openStream, closeStream } from '../guard/limiter.mjs';
import { stats } from '../clients/stats.mjs';
import { showRemaining } from '../clients/boards.mjs';
import { publishThrow, publishEnd } from './feed.mjs';

function ack(call, requestId, status, message = '') {
  const a = new messages.ScorerAck();
  a.setRequestId(requestId);
  a.setStatus(status);
  a.setMessage(message);
  call.write(a);
}

function recordThrow(call, req) {
  return new Promise((resolve, reject) => {
    stats.recordThrow(req, { parent: call }, (err, reply) => (err ? reject(err) : resolve(reply)));
  });
}

export function makeScorerConsole() {
  return async function scorerConsole(call) {
    const guard = await MatchGuard.open(call);
    if (!guard) return;
    const { sub } = guard.claims;
    if (!(await openStream(sub))) {
      return guard.end(grpc.status.RESOURCE_EXHAUSTED, 'too_many_streams');
    }
    guard.signal.addEventListener('abort', () => closeStream(sub), { once: true });

    let handled = 0; // shown on the tablet footer only

    for await (const cmd of call) {
      guard.touch();
      const requestId = cmd.getRequestId();
      const matchId = cmd.getMatchId();
      const action = cmd.getCmdCase() === messages.ScorerCommand.CmdCase.CORRECTION ? 'correction' : 'throw';

      if (!mayScore(guard.claims, matchId, action)) {
        ack(call, requestId, 'PERMISSION_DENIED', 'insufficient_scope');
        continue;
      }
      if (!(await allowThrow(sub))) {
        return guard.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
      }

      try {
        if (cmd.hasThrow()) {
          const t = cmd.getThrow();
          const req = new statsMessages.RecordThrowRequest();
          req.setMatchId(matchId);
          req.setPlayerId(t.getPlayerId());
          req.setScore(t.getScore());
          req.setDarts(t.getDarts());
          req.setScorer(sub);
          const reply = await recordThrow(call, req);
          await showRemaining(guard, matchId, t.getPlayerId(), reply.getRemaining());
          publishThrow({ matchId, playerId: t.getPlayerId(), leg: 0, score: t.getScore(), remaining: reply.getRemaining(), at: Date.now() });
        } else if (cmd.hasEndLeg()) {
          publishEnd(matchId);
        }
        handled += 1;
        ack(call, requestId, 'OK', `#${handled}`);
      } catch (err) {
        if (guard.signal.aborted) return;
        ack(call, requestId, 'UNAVAILABLE', err.details ?? err.message);
      }
    }
    call.end();
  };
}

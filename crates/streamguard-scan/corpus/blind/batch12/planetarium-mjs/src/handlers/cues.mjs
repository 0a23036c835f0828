import grpc from '@grpc/grpc-js';
import { ShowGuard } from '../lib/guard.mjs';
import { allowCue } from '../lib/limiter.mjs';
import { fireCue } from '../lib/projector.mjs';
import pb from '../generated/show_pb.js';

const ACTION_SCOPE = { GO: 'cue:run', HOLD: 'cue:run', SKIP: 'cue:run', HOUSE_LIGHTS: 'house:lights' };

function ack(requestId, ok, status) {
  const a = new pb.CueAck();
  a.setRequestId(requestId);
  a.setOk(ok);
  a.setStatus(status);
  return a;
}

export function makeCueSession() {
  return async function cueSession(call) {
    let guard;
    try {
      guard = await ShowGuard.open(call);
    } catch (err) {
      return call.destroy(err);
    }

    for await (const cmd of call) {
      guard.touch();
      const id = cmd.getRequestId();
      const scope = ACTION_SCOPE[cmd.getAction()];
      if (!scope || !guard.has(scope) || !guard.canDome(cmd.getDomeId())) {
        call.write(ack(id, false, 'PERMISSION_DENIED'));
        continue;
      }
      if (!(await allowCue(guard.claims.sub))) {
        return guard.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
      }
      try {
        const res = await fireCue(call, {
          domeId: cmd.getDomeId(), showId: cmd.getShowId(), cue: cmd.getCue(), action: cmd.getAction(),
        });
        call.write(ack(id, res.ok, res.status));
      } catch (err) {
        if (guard.signal.aborted) return;
        call.write(ack(id, false, err.details ?? 'UNAVAILABLE'));
      }
    }
    call.end();
  };
}

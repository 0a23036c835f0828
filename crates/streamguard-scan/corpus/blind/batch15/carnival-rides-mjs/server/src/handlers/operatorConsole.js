import { createRequire } from 'node:module';
import grpc from '@grpc/grpc-js';
import { RideGuard } from '../lib/rideGuard.js';
import { sendAction } from '../lib/plc.js';

const require = createRequire(import.meta.url);
const pb = require('../../gen/rides_pb.js');

const SCOPE_FOR = {
  [pb.ConsoleCommand.Action.START_CYCLE]: 'rides:operate',
  [pb.ConsoleCommand.Action.STOP]: 'rides:operate',
  [pb.ConsoleCommand.Action.E_STOP]: 'rides:estop',
  [pb.ConsoleCommand.Action.RELEASE_RESTRAINTS]: 'rides:operate',
};

function reply(requestId, ok, status, message) {
  const r = new pb.ConsoleReply();
  r.setRequestId(requestId);
  r.setOk(ok);
  r.setStatus(status);
  r.setMessage(message ?? '');
  return r;
}

export function makeOperatorConsole(deps) {
  return async function operatorConsole(call) {
    let guard;
    try {
      guard = await RideGuard.open(call, deps);
    } catch (e) {
      call.destroy({ code: e.code ?? grpc.status.INTERNAL, details: e.message });
      return;
    }
    let handled = 0; // exported to the console's status bar only

    try {
      for await (const cmd of call) {
        guard.touch();
        handled += 1;
        await deps.limiter.take(guard.claims.sub);

        const scope = SCOPE_FOR[cmd.getAction()];
        if (!scope || !guard.claims.scopes.has(scope) || !guard.claims.rides.has(cmd.getRideId())) {
          call.write(reply(cmd.getRequestId(), false, 'PERMISSION_DENIED', 'insufficient_scope'));
          continue;
        }
        try {
          const budget = guard.remainingMs(3000);
          const res = await sendAction(deps.cfg, cmd.getRideId(), cmd.getAction(), {
            signal: AbortSignal.any([guard.signal, AbortSignal.timeout(budget)]),
          });
          call.write(reply(cmd.getRequestId(), true, 'OK', `${res.phase} (#${handled})`));
        } catch (e) {
          call.write(reply(cmd.getRequestId(), false, 'UNAVAILABLE', e.message));
        }
      }
      call.end();
    } catch (e) {
      guard.end(e.code ?? grpc.status.INTERNAL, e.message);
    }
  };
}

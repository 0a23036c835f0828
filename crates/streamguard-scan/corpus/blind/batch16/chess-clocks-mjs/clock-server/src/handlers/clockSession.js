import * as grpc from '@grpc/grpc-js';
import { ArbiterGuard } from '../guard.js';
import { allowAction } from '../limiter.js';
import { apply } from '../boards.js';
import { reportResult } from '../pairing.js';

function denied(actionId, status, error) {
  return { actionId, errorStatus: status, error };
}

export function makeClockSession() {
  return async function clockSession(call) {
    let guard;
    try {
      guard = await ArbiterGuard.open(call);
    } catch (err) {
      call.destroy({ code: err.code ?? grpc.status.UNAUTHENTICATED, details: err.message });
      return;
    }
    try {
      for await (const action of call) {
        guard.touch();
        if (!guard.mayUse(action.tournamentId, action.board)) {
          call.write(denied(action.actionId, 'PERMISSION_DENIED', 'board_not_allowed'));
          continue;
        }
        if ((action.adjust || action.result) && !guard.scopes.has('arbiter:chief')) {
          call.write(denied(action.actionId, 'PERMISSION_DENIED', 'insufficient_scope'));
          continue;
        }
        if (!(await allowAction(guard.claims.sub))) {
          guard.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
          return;
        }
        const state = apply(action);
        if (action.result) {
          await reportResult(call, action.tournamentId, action.board, action.result.outcome);
        }
        call.write({ actionId: action.actionId, state });
      }
      call.end();
    } catch (err) {
      if (!guard.ended) call.destroy({ code: grpc.status.INTERNAL, details: err.message });
    } finally {
      guard.release();
    }
  };
}

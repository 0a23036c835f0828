import grpc from '@grpc/grpc-js';
import messages from '../generated/farm_pb.js';
import { policy } from '../auth.mjs';
import { agentFor, command } from '../agents.mjs';
import { allowCommand } from '../guard/limiter.mjs';
import { printer } from '../printers.mjs';

const ACTIONS = new Set(['pause', 'resume', 'cancel', 'preheat']);

function event(requestId, printerId, status, message = '') {
  const e = new messages.ConsoleEvent();
  e.setRequestId(requestId);
  e.setPrinterId(printerId);
  e.setStatus(status);
  e.setMessage(message);
  return e;
}

export function makeOperatorConsole({ open }) {
  return async function operatorConsole(call) {
    const session = await open(call);
    if (!session) return;

    call.on('data', async (cmd) => {
      session.touch();
      const id = cmd.getRequestId();
      const printerId = cmd.getPrinterId();
      const action = cmd.getAction();
      if (!ACTIONS.has(action)) {
        call.write(event(id, printerId, 'INVALID_ARGUMENT', `unknown action ${action}`));
        return;
      }
      const p = printer(printerId);
      if (!policy.allows(session.claims, p, action)) {
        call.write(event(id, printerId, 'PERMISSION_DENIED', 'insufficient_scope'));
        return;
      }
      if (!(await allowCommand(session.claims.sub))) {
        session.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
        return;
      }
      agentFor(p).sendCommand(
        command(p.id, action, cmd.getTargetC()),
        new grpc.Metadata(),
        { parent: call, deadline: Date.now() + session.remainingMs(10_000) },
        (err, res) => {
          if (err) call.write(event(id, printerId, 'UNAVAILABLE', err.details));
          else call.write(event(id, printerId, res.getStatus(), res.getMessage()));
        },
      );
    });
    call.on('end', () => {
      session.dispose();
      call.end();
    });
  };
}

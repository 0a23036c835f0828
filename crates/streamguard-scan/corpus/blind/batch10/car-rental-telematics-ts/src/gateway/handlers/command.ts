import * as grpc from '@grpc/grpc-js';
import { Command, CommandResult } from '../../gen/rental/telematics/v1/telematics';
import { principalOf } from '../interceptors/auth';
import { RentalSession, withinRate } from '../session';
import { tcu, unary } from '../clients/fleet';
import { vehicleBranch } from '../reservations';
import { config } from '../config';

const ACTIONS = new Set(['LOCK', 'UNLOCK', 'IMMOBILISE', 'HONK']);
const TCU_TIMEOUT_MS = 10_000;

export class CommandHandlers {
  RemoteCommand = (call: grpc.ServerDuplexStream<Command, CommandResult>) => {
    const principal = principalOf(call);
    if (!principal.scopes.includes('fleet:command')) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'insufficient_scope' } as any);
      return;
    }
    const session = new RentalSession(call, principal);

    call.on('data', async (cmd: Command) => {
      call.pause();
      try {
        if (!(await withinRate(`cmd:${principal.sub}`, config.commandsPerMinute))) {
          session.close(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
          return;
        }
        const branch = await vehicleBranch(cmd.vin);
        if (!ACTIONS.has(cmd.action) || !branch || !principal.branches.includes(branch)) {
          call.write({ commandId: cmd.commandId, ok: false, error: 'PERMISSION_DENIED' });
          return;
        }
        const r: any = await unary(tcu, 'execute', { vin: cmd.vin, action: cmd.action, requestedBy: principal.sub }, {
          parent: call,
          propagate_flags: grpc.propagate.CANCELLATION,
          deadline: Date.now() + TCU_TIMEOUT_MS,
        });
        call.write({ commandId: cmd.commandId, ok: r.ok, error: r.error });
      } catch (err: any) {
        call.write({ commandId: cmd.commandId, ok: false, error: err.details ?? String(err) });
      } finally {
        call.resume();
      }
    });
    call.on('end', () => {
      session.dispose();
      call.end();
    });
  };
}

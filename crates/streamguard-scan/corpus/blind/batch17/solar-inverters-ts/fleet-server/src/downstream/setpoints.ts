import { credentials, ServerDuplexStream } from '@grpc/grpc-js';
import { ApplyReply, ApplyRequest, SetpointsClient } from '../generated/setpoint';
import { config } from '../config';

const client = new SetpointsClient(config.setpointAddr, credentials.createInsecure());

export function applySetpoint(
  call: ServerDuplexStream<unknown, unknown>,
  req: ApplyRequest,
): Promise<ApplyReply> {
  return new Promise((resolve, reject) => {
    client.apply(req, { deadline: call.getDeadline() }, (err, reply) => (err ? reject(err) : resolve(reply!)));
  });
}

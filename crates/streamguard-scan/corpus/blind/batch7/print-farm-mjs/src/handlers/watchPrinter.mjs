import grpc from '@grpc/grpc-js';
import messages from '../generated/farm_pb.js';
import { policy } from '../auth.mjs';
import { agentFor, telemetryRequest } from '../agents.mjs';
import { printer } from '../printers.mjs';

export function makeWatchPrinter({ open }) {
  return async function watchPrinter(call) {
    const session = await open(call);
    if (!session) return;
    const p = printer(call.request.getPrinterId());
    if (!p || !policy.canView(session.claims, p)) {
      session.end(grpc.status.PERMISSION_DENIED, 'printer not visible');
      return;
    }
    // Child call of ours: a client cancel (or the guard ending us) cancels the agent stream too.
    const upstream = agentFor(p).streamTelemetry(telemetryRequest(p.id), new grpc.Metadata(), { parent: call });
    upstream.on('data', (t) => {
      const s = new messages.PrinterStatus();
      s.setPrinterId(t.getPrinterId());
      s.setState(t.getState());
      s.setNozzleC(t.getNozzleC());
      s.setBedC(t.getBedC());
      s.setProgress(t.getProgress());
      s.setUnixMs(t.getUnixMs());
      session.touch();
      call.write(s);
    });
    upstream.on('error', (err) => {
      if (err.code !== grpc.status.CANCELLED) session.end(grpc.status.UNAVAILABLE, 'printer agent unavailable');
    });
    upstream.on('end', () => call.end());
  };
}

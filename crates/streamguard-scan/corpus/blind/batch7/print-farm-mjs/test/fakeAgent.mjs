// Fake printer agent for local runs: streams made-up telemetry forever.
import grpc from '@grpc/grpc-js';
import services from '../src/generated/agent_grpc_pb.js';
import messages from '../src/generated/agent_pb.js';

export function startFakeAgent(port = 0) {
  const server = new grpc.Server();
  server.addService(services.PrinterAgentService, {
    streamTelemetry(call) {
      let t = 20;
      const timer = setInterval(() => {
        const m = new messages.Telemetry();
        m.setPrinterId(call.request.getPrinterId());
        m.setNozzleC((t = Math.min(t + 5, 210)));
        m.setBedC(60);
        m.setUnixMs(Date.now());
        call.write(m);
      }, 200);
      call.on('cancelled', () => clearInterval(timer));
    },
    sendCommand(call, cb) {
      const r = new messages.CommandResult();
      r.setStatus('OK');
      cb(null, r);
    },
  });
  return new Promise((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve({ server, port: p }))),
  );
}

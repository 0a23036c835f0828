// printer-agent: one per rack; serves the farm server only (mutual TLS, farm CA).
import fs from 'node:fs';
import grpc from '@grpc/grpc-js';
import services from '../src/generated/agent_grpc_pb.js';
import messages from '../src/generated/agent_pb.js';
import { RackTelemetry } from './telemetry.mjs';

const GCODE = { pause: 'M25', resume: 'M24', cancel: 'M524', preheat: 'M104 S' };
const rack = new RackTelemetry(JSON.parse(process.env.RACK_PORTS ?? '{}'));

function streamTelemetry(call) {
  const id = call.request.getPrinterId();
  const onSample = (s) => {
    if (s.printerId !== id) return;
    const t = new messages.Telemetry();
    t.setPrinterId(s.printerId);
    t.setNozzleC(s.nozzleC);
    t.setBedC(s.bedC);
    t.setUnixMs(s.unixMs);
    call.write(t);
  };
  rack.on('sample', onSample);
  call.on('cancelled', () => rack.off('sample', onSample));
}

function sendCommand(call, callback) {
  const c = call.request;
  const action = c.getAction();
  const code = action === 'preheat' ? `${GCODE.preheat}${Math.min(c.getTargetC(), 280)}` : GCODE[action];
  const res = new messages.CommandResult();
  if (!code || !rack.send(c.getPrinterId(), code)) {
    res.setStatus('FAILED');
    res.setMessage('unknown printer or action');
  } else {
    res.setStatus('OK');
  }
  callback(null, res);
}

rack.start();
const server = new grpc.Server({
  'grpc.max_connection_age_ms': 15 * 60_000,
  'grpc.max_connection_age_grace_ms': 10_000,
});
server.addService(services.PrinterAgentService, { streamTelemetry, sendCommand });
const creds = grpc.ServerCredentials.createSsl(
  fs.readFileSync(process.env.AGENT_CA ?? '/etc/printfarm/ca.pem'),
  [{ cert_chain: fs.readFileSync(process.env.AGENT_CERT), private_key: fs.readFileSync(process.env.AGENT_KEY) }],
  true,
);
server.bindAsync(process.env.AGENT_LISTEN ?? '0.0.0.0:7070', creds, (err) => {
  if (err) throw err;
});

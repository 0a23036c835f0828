import grpc from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import { config } from '../shared/config.mjs';
import { bridgeGrpc, bridgePb } from '../shared/grpc.mjs';
import { openSensor } from './sensor.mjs';

const sensor = openSensor(config.serialPath);
let zeroOffset = 0;

function streamCadence(call) {
  const every = Math.max(1, Math.round(10 / Math.max(1, call.request.getSampleHz())));
  let n = 0;
  const onSample = (s) => {
    if (n++ % every !== 0) return;
    const out = new bridgePb.CadenceSample();
    out.setCadenceRpm(s.cadenceRpm);
    out.setPowerW(Math.max(0, s.powerW - zeroOffset));
    out.setResistance(s.resistance);
    out.setUnixMs(s.unixMs);
    call.write(out);
  };
  sensor.on('sample', onSample);
  call.on('cancelled', () => sensor.off('sample', onSample));
  call.on('error', () => sensor.off('sample', onSample));
}

function calibrate(call, cb) {
  zeroOffset = call.request.getZeroOffset();
  const reply = new bridgePb.CalibrateReply();
  reply.setOk(true);
  cb(null, reply);
}

// The studio LAN is a closed VLAN; the bridge serves mTLS so only the studio
// server's certificate can connect. No per-call credentials.
const creds = process.env.BRIDGE_TLS_CERT
  ? grpc.ServerCredentials.createSsl(readFileSync(process.env.BRIDGE_CLIENT_CA), [
      { cert_chain: readFileSync(process.env.BRIDGE_TLS_CERT), private_key: readFileSync(process.env.BRIDGE_TLS_KEY) },
    ], true)
  : grpc.ServerCredentials.createInsecure();

const server = new grpc.Server({ 'grpc.keepalive_time_ms': 10_000, 'grpc.keepalive_timeout_ms': 5_000 });
server.addService(bridgeGrpc.BikeBridgeService, { streamCadence, calibrate });
server.bindAsync(config.bridgeListen, creds, (err) => {
  if (err) throw err;
});

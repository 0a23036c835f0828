// A bike bridge stand-in for studio tests: streams a sine wave forever.
import grpc from '@grpc/grpc-js';
import { bridgeGrpc, bridgePb } from '../src/shared/grpc.mjs';

export function startFakeBridge() {
  const server = new grpc.Server();
  server.addService(bridgeGrpc.BikeBridgeService, {
    streamCadence(call) {
      let t = 0;
      const timer = setInterval(() => {
        const s = new bridgePb.CadenceSample();
        s.setCadenceRpm(80 + Math.round(10 * Math.sin(t++ / 5)));
        s.setPowerW(200);
        call.write(s);
      }, 100);
      call.on('cancelled', () => clearInterval(timer));
    },
    calibrate(_call, cb) {
      cb(null, new bridgePb.CalibrateReply());
    },
  });
  return new Promise((resolve) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (_e, port) => resolve({ port, server })));
}

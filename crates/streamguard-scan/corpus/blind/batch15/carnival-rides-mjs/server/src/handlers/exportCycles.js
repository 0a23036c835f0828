import { createRequire } from 'node:module';
import grpc from '@grpc/grpc-js';
import { verifyCall } from '../lib/tokens.js';

const require = createRequire(import.meta.url);
const services = require('../../gen/rides_grpc_pb.js');

// Cycle history lives in the historian, which serves the same RideControl API.
let historian;

export function makeExportCycles(deps) {
  historian ??= new services.RideControlClient(deps.cfg.historianAddr, grpc.credentials.createInsecure());
  return async function exportCycles(call) {
    try {
      const claims = await verifyCall(call, deps.cfg);
      if (!claims.scopes.has('rides:inspect')) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'rides:inspect required' });
        return;
      }
    } catch (e) {
      call.destroy({ code: e.code, details: e.message });
      return;
    }
    const up = historian.exportCycles(call.request, new grpc.Metadata(), {
      deadline: call.getDeadline(),
    });
    call.on('cancelled', () => up.cancel());
    up.on('data', (rec) => call.write(rec));
    up.on('error', (err) => call.destroy({ code: err.code, details: err.details }));
    up.on('end', () => call.end());
  };
}

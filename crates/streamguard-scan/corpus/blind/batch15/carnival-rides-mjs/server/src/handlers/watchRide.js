import { createRequire } from 'node:module';
import grpc from '@grpc/grpc-js';
import { RideGuard } from '../lib/rideGuard.js';
import { readRide } from '../lib/plc.js';

const require = createRequire(import.meta.url);
const pb = require('../../gen/rides_pb.js');

export function makeWatchRide(deps) {
  return async function watchRide(call) {
    let guard;
    try {
      guard = await RideGuard.open(call, deps);
    } catch (e) {
      call.destroy({ code: e.code ?? grpc.status.INTERNAL, details: e.message });
      return;
    }
    const rideId = call.request.getRideId();
    if (!guard.claims.rides.has(rideId)) {
      guard.end(grpc.status.PERMISSION_DENIED, 'ride not assigned');
      return;
    }

    while (!guard.ended) {
      try {
        const budget = Math.min(guard.remainingMs(1500), 1500);
        const s = await readRide(deps.cfg, rideId, {
          signal: AbortSignal.any([guard.signal, AbortSignal.timeout(budget)]),
        });
        const out = new pb.RideStatus();
        out.setRideId(rideId);
        out.setPhase(s.phase);
        out.setRestraintsLocked(Boolean(s.restraintsLocked));
        out.setWindMps(s.windMps);
        out.setUnixMs(Date.now());
        call.write(out);
        guard.touch();
      } catch (e) {
        if (guard.ended) return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
}

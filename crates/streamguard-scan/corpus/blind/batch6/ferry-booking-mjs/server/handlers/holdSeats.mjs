import grpc from '@grpc/grpc-js';
import pb from '../../gen/ferry/booking/v1/booking_pb.js';
import { CallGuard } from '../guard.mjs';
import * as inventory from '../clients/inventory.mjs';

function result(requestId, fields) {
  const r = new pb.HoldResult();
  r.setRequestId(requestId);
  r.setOk(fields.ok);
  r.setStatus(fields.status);
  if (fields.holdId) r.setHoldId(fields.holdId);
  if (fields.expiresUnixMs) r.setExpiresUnixMs(fields.expiresUnixMs);
  return r;
}

export function makeHoldSeats({ revocations, buckets }) {
  return async function holdSeats(call) {
    let guard;
    try {
      guard = await CallGuard.open(call, revocations);
    } catch (err) {
      call.destroy(err);
      return;
    }
    const myHolds = new Set();

    call.on('data', async (req) => {
      guard.touch();
      const requestId = req.getRequestId();
      if (!buckets.take(guard.claims.sub)) {
        guard.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
        return;
      }
      try {
        const route = await inventory.sailingRoute(req.getSailingId(), call);
        if (!guard.mayBook(route)) {
          call.write(result(requestId, { ok: false, status: 'PERMISSION_DENIED' }));
          return;
        }
        switch (req.getAction()) {
          case 'hold': {
            const receipt = await inventory.hold({
              sailingId: req.getSailingId(),
              passengers: req.getPassengers(),
              vehicleLengthDm: req.getVehicleLengthDm(),
              agent: guard.claims.sub,
            }, call);
            myHolds.add(receipt.holdId);
            call.write(result(requestId, { ok: true, status: receipt.status, holdId: receipt.holdId, expiresUnixMs: Number(receipt.expiresUnixMs) }));
            break;
          }
          case 'release':
          case 'confirm': {
            if (!myHolds.has(req.getHoldId())) {
              call.write(result(requestId, { ok: false, status: 'PERMISSION_DENIED' }));
              return;
            }
            const receipt = await inventory[req.getAction()](req.getHoldId(), call);
            call.write(result(requestId, { ok: true, status: receipt.status, holdId: receipt.holdId }));
            break;
          }
          default:
            call.write(result(requestId, { ok: false, status: 'INVALID_ARGUMENT' }));
        }
      } catch (err) {
        if (guard.signal.aborted) return;
        call.write(result(requestId, { ok: false, status: grpc.status[err.code] ?? 'INTERNAL' }));
      }
    });

    call.on('end', () => {
      guard.release();
      call.end();
    });
  };
}

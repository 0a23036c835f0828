import * as grpc from '@grpc/grpc-js';
import { VehicleStatus, WatchReservationRequest } from '../../gen/rental/telematics/v1/telematics';
import { principalOf } from '../interceptors/auth';
import { RentalSession } from '../session';
import { location, unary } from '../clients/fleet';
import { reservationFor } from '../reservations';

const PUSH_EVERY_MS = 5000;

export class ReservationHandlers {
  WatchReservation = async (call: grpc.ServerWritableStream<WatchReservationRequest, VehicleStatus>) => {
    const principal = principalOf(call);
    const session = new RentalSession(call, principal);
    const res = await reservationFor(call.request.reservationId);
    if (!res || res.customerSub !== principal.sub) {
      session.close(grpc.status.NOT_FOUND, 'no such reservation');
      return;
    }

    const tick = async () => {
      try {
        const fix: any = await unary(location, 'lastFix', { vin: res.vin }, { parent: call });
        if (!session.closed) {
          call.write({ vin: fix.vin, lat: fix.lat, lon: fix.lon, fuelPct: fix.fuelPct, locked: fix.locked, unixMs: Number(fix.unixMs) });
        }
      } catch (err) {
        // transient; next tick retries
      }
    };
    await tick();
    const timer = setInterval(tick, PUSH_EVERY_MS);
    session.onClose(() => clearInterval(timer));
  };
}

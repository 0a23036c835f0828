import grpc from '@grpc/grpc-js';
import pb from '../../gen/ferry/booking/v1/booking_pb.js';
import { CallGuard } from '../guard.mjs';
import { sailingPosition } from '../clients/vessels.mjs';

const POLL_MS = 10_000;

export function makeWatchSailing({ revocations }) {
  return async function watchSailing(call) {
    let guard;
    try {
      guard = await CallGuard.open(call, revocations);
    } catch (err) {
      call.destroy(err);
      return;
    }
    const sailingId = call.request.getSailingId();
    let timer;

    const tick = async () => {
      try {
        const pos = await sailingPosition(sailingId, call);
        if (guard.signal.aborted) return;
        if (!guard.mayBook(pos.routeId)) {
          guard.end(grpc.status.PERMISSION_DENIED, 'route not granted');
          return;
        }
        const s = new pb.SailingStatus();
        s.setSailingId(sailingId);
        s.setState(pos.state);
        s.setLat(pos.lat);
        s.setLon(pos.lon);
        s.setDelayMinutes(pos.delayMinutes);
        s.setUnixMs(Date.now());
        call.write(s);
        guard.touch();
        if (pos.state === 'ARRIVED' || pos.state === 'CANCELLED') {
          call.end();
          guard.release();
          return;
        }
      } catch (err) {
        if (guard.signal.aborted) return;
        guard.end(grpc.status.UNAVAILABLE, `fleet: ${err.details ?? err.message}`);
        return;
      }
      timer = setTimeout(tick, POLL_MS);
    };

    guard.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    tick();
  };
}

import grpc from '@grpc/grpc-js';
import messages from '../../gen/museum/guide/v1/guide_pb.js';
import { VisitGuard } from '../visit-guard.mjs';
import * as sensors from '../content-client.mjs';

const PERIOD_MS = 3000;

export function makeWatchGallery({ log }) {
  return async function watchGallery(call) {
    const guard = await VisitGuard.open(call);
    if (!guard) return;
    const galleryId = call.request.getGalleryId();
    if (!guard.ticket.galleries.has(galleryId) && guard.ticket.tier !== 'member') {
      guard.end(grpc.status.PERMISSION_DENIED, 'gallery not on ticket');
      return;
    }

    while (!guard.closed) {
      try {
        const c = await sensors.occupancy(galleryId, guard.signal);
        const msg = new messages.Occupancy();
        msg.setGalleryId(galleryId);
        msg.setVisitors(c.visitors);
        msg.setCapacity(c.capacity);
        msg.setUnixMs(Date.now());
        call.write(msg);
        guard.touch();
      } catch (err) {
        if (guard.closed) break;
        log.debug({ err: err.message }, 'occupancy poll failed');
      }
      await new Promise((resolve) => {
        const t = setTimeout(resolve, PERIOD_MS);
        guard.signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
      });
    }
  };
}

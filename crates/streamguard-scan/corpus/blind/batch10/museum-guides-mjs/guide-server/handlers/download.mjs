import grpc from '@grpc/grpc-js';
import messages from '../../gen/museum/guide/v1/guide_pb.js';
import { VisitGuard } from '../visit-guard.mjs';
import * as cms from '../content-client.mjs';

export function makeDownloadTour() {
  return async function downloadTour(call) {
    const guard = await VisitGuard.open(call);
    if (!guard) return;
    try {
      const manifest = await cms.tourManifest(call.request.getTourId(), call.request.getLanguage(), guard.signal);
      let seq = 0;
      for (const stop of manifest.stops) {
        if (!guard.mayVisit(stop)) continue;
        const data = await cms.audio(stop.audioUrl, guard.signal);
        const chunk = new messages.AudioChunk();
        chunk.setExhibitId(stop.exhibitId);
        chunk.setData(data);
        chunk.setSeq(seq++);
        call.write(chunk);
      }
      call.end();
    } catch (err) {
      if (!guard.closed) guard.end(grpc.status.UNAVAILABLE, err.message);
    } finally {
      guard.release();
    }
  };
}

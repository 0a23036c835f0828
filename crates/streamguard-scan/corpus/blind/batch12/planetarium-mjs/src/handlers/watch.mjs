import grpc from '@grpc/grpc-js';
import { ShowGuard } from '../lib/guard.mjs';
import { subscribeCues } from '../lib/projector.mjs';
import pb from '../generated/show_pb.js';

export function makeWatchShow() {
  return async function watchShow(call) {
    let guard;
    try {
      guard = await ShowGuard.open(call);
    } catch (err) {
      return call.destroy(err);
    }
    const domeId = call.request.getDomeId();
    if (!guard.canDome(domeId)) return guard.end(grpc.status.PERMISSION_DENIED, 'dome not permitted');

    const upstream = subscribeCues(call, domeId);
    guard.signal.addEventListener('abort', () => upstream.cancel());
    upstream.on('data', (c) => {
      const ev = new pb.CueEvent();
      ev.setDomeId(c.domeId);
      ev.setShowId(c.showId);
      ev.setCue(c.cue);
      ev.setLabel(c.label);
      ev.setAtMs(Number(c.atMs));
      call.write(ev);
      guard.touch();
    });
    upstream.on('error', (err) => guard.end(err.code ?? grpc.status.UNAVAILABLE, 'projector bridge lost'));
    upstream.on('end', () => call.end());
  };
}

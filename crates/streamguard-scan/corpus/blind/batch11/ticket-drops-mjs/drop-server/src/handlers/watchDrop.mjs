import * as grpc from '@grpc/grpc-js';
import pb from '../gen/drops_pb.js';
import { DropGuard } from '../guard/dropGuard.mjs';
import * as inventory from '../inventory.mjs';

export function makeWatchDrop() {
  return async function watchDrop(call) {
    let guard;
    try {
      guard = await DropGuard.open(call);
    } catch (err) {
      return call.destroy(err);
    }
    if (!guard.can('drops:watch')) return guard.end(grpc.status.PERMISSION_DENIED, 'insufficient_scope');

    const dropId = call.request.getDropId();
    const upstream = inventory.follow({ drop_id: dropId }, call);
    guard.signal.addEventListener('abort', () => upstream.cancel());
    upstream.on('data', (c) => {
      const state = new pb.DropState();
      state.setDropId(c.drop_id);
      state.setRemaining(c.remaining);
      state.setHeld(c.held);
      state.setPhase(c.phase);
      state.setUnixMs(Date.now());
      call.write(state);
      if (c.phase === 'sold_out' || c.phase === 'closed') call.end();
    });
    upstream.on('error', (err) => {
      if (err.code !== grpc.status.CANCELLED) guard.end(grpc.status.UNAVAILABLE, 'inventory_unavailable');
    });
  };
}

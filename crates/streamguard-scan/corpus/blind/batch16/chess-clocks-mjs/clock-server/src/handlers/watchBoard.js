import * as grpc from '@grpc/grpc-js';
import { ArbiterGuard } from '../guard.js';
import { boardEvents, stateOf } from '../boards.js';

export function makeWatchBoard() {
  return async function watchBoard(call) {
    let guard;
    try {
      guard = await ArbiterGuard.open(call);
    } catch (err) {
      call.destroy({ code: err.code ?? grpc.status.UNAUTHENTICATED, details: err.message });
      return;
    }
    const { tournamentId, board } = call.request;
    if (!guard.mayUse(tournamentId, board)) {
      guard.end(grpc.status.PERMISSION_DENIED, 'board_not_allowed');
      return;
    }
    const key = `${tournamentId}:${board}`;
    const onState = (s) => {
      guard.touch();
      call.write({ ...s, whiteMs: s.whiteMs, blackMs: s.blackMs });
    };
    boardEvents.on(key, onState);
    guard.signal.addEventListener('abort', () => boardEvents.off(key, onState));
    onState(stateOf(tournamentId, board));
  };
}

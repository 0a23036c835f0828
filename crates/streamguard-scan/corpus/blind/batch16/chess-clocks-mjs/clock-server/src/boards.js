import { EventEmitter } from 'node:events';

// Authoritative clock state, one entry per tournament board, kept in this process.
const states = new Map();
export const boardEvents = new EventEmitter();
boardEvents.setMaxListeners(0);

export function stateOf(tournamentId, board) {
  const key = `${tournamentId}:${board}`;
  if (!states.has(key)) {
    states.set(key, { tournamentId, board, fen: 'startpos', whiteMs: 90 * 60_000, blackMs: 90 * 60_000, lastMove: '', running: null, since: 0 });
  }
  return states.get(key);
}

export function apply(action) {
  const s = stateOf(action.tournamentId, action.board);
  const now = Date.now();
  if (s.running) s[`${s.running}Ms`] -= now - s.since;
  if (action.press) {
    s.lastMove = action.press.moveSan;
    s.running = action.press.side === 'white' ? 'black' : 'white';
    s.since = now;
  } else if (action.adjust) {
    s[`${action.adjust.side}Ms`] += Number(action.adjust.deltaMs);
    s.since = now;
  } else if (action.result) {
    s.running = null;
  }
  boardEvents.emit(`${s.tournamentId}:${s.board}`, s);
  return s;
}

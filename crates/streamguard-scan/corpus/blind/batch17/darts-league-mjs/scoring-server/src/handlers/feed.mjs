import { EventEmitter } from 'node:events';

// In-process fan-out of accepted throws to WatchMatch subscribers.
export const matchFeed = new EventEmitter();
matchFeed.setMaxListeners(0);

export function publishThrow(ev) {
  matchFeed.emit(`throw:${ev.matchId}`, ev);
}

export function publishEnd(matchId) {
  matchFeed.emit(`end:${matchId}`);
}

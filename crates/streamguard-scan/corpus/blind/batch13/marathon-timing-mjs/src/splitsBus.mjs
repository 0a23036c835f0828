import { EventEmitter } from 'node:events';

// In-process fan-out of accepted splits, fed by the reader feed.
export const splitsBus = new EventEmitter();
splitsBus.setMaxListeners(0);

export function publishSplit(raceId, split) {
  splitsBus.emit(`${raceId}:${split.bib}`, split);
}

import { config } from '../config.mjs';

// Results service keeps the authoritative chip-read log.
export async function storeRead(read, signal) {
  const res = await fetch(`${config.resultsApi}/v1/reads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(read),
    signal,
  });
  if (!res.ok) throw new Error(`results api ${res.status}`);
  return res.json();
}

export async function runnerSplits(raceId, bib, signal) {
  const res = await fetch(`${config.resultsApi}/v1/races/${raceId}/runners/${bib}/splits`, { signal });
  if (!res.ok) throw new Error(`results api ${res.status}`);
  return res.json();
}

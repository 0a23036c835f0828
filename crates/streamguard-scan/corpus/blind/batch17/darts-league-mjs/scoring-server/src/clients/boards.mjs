import { request } from 'undici';
import { config } from '../config.mjs';

// Pushes the remaining score to the electronic board above the oche.
export async function showRemaining(guard, matchId, playerId, remaining) {
  const res = await request(`${config.boardsUrl}/v1/boards/${encodeURIComponent(matchId)}/display`, {
    method: 'PUT',
    body: JSON.stringify({ player: playerId, remaining }),
    headers: { 'content-type': 'application/json' },
    signal: guard.downstreamSignal(2_000),
  });
  await res.body.dump();
}

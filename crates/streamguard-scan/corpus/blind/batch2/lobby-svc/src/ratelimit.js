'use strict';

const buckets = new Map();

const CAPACITY = 10;
const REFILL_PER_SEC = 3;

function take(playerId, cost = 1) {
  const now = Date.now();
  let b = buckets.get(playerId);
  if (!b) {
    b = { tokens: CAPACITY, at: now };
    buckets.set(playerId, b);
  }
  b.tokens = Math.min(CAPACITY, b.tokens + ((now - b.at) / 1000) * REFILL_PER_SEC);
  b.at = now;
  if (b.tokens < cost) return false;
  b.tokens -= cost;
  return true;
}

setInterval(() => {
  const cutoff = Date.now() - 10 * 60 * 1000;
  for (const [id, b] of buckets) if (b.at < cutoff) buckets.delete(id);
}, 60 * 1000).unref();

module.exports = { take };

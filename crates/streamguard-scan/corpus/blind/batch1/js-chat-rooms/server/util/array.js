'use strict';

function chunk(items, size) {
  const out = [];
  let cur = [];
  for (const item of items) {
    cur.push(item);
    if (cur.length === size) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

async function collect(source) {
  const out = [];
  for await (const item of source) out.push(item);
  return out;
}

function takeToken(bucket, ratePerSec, burst, now = Date.now()) {
  const elapsed = (now - bucket.ts) / 1000;
  bucket.tokens = Math.min(burst, bucket.tokens + elapsed * ratePerSec);
  bucket.ts = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

module.exports = { chunk, collect, takeToken };

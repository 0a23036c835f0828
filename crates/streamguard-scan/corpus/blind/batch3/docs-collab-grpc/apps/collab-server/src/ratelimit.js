const buckets = new Map();

const RATE = Number(process.env.COLLAB_OPS_PER_SEC ?? 30);
const BURST = Number(process.env.COLLAB_OPS_BURST ?? 120);

class Bucket {
  constructor() {
    this.tokens = BURST;
    this.at = Date.now();
  }

  take() {
    const now = Date.now();
    this.tokens = Math.min(BURST, this.tokens + ((now - this.at) / 1000) * RATE);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export function connectionLimiter(peer) {
  let b = buckets.get(peer);
  if (!b) {
    b = new Bucket();
    buckets.set(peer, b);
  }
  return b;
}

export function releaseConnection(peer) {
  buckets.delete(peer);
}

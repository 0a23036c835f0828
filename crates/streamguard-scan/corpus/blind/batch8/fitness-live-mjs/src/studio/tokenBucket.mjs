// A small token bucket. Refills continuously at `ratePerSec`.
export class TokenBucket {
  constructor(capacity, ratePerSec) {
    this.capacity = capacity;
    this.rate = ratePerSec;
    this.tokens = capacity;
    this.updated = Date.now();
  }

  take(n = 1) {
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updated) / 1000) * this.rate);
    this.updated = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}

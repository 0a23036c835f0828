// Token bucket per agent / kiosk identity. One booking server runs per
// terminal building and each terminal issues its own kiosk identities, so an
// in-process map keyed by subject is the whole population.
export class SubjectBuckets {
  #buckets = new Map();

  constructor({ ratePerSec, burst }) {
    this.ratePerSec = ratePerSec;
    this.burst = burst;
    setInterval(() => this.#sweep(), 60_000).unref();
  }

  take(subject) {
    const now = Date.now();
    let b = this.#buckets.get(subject);
    if (!b) {
      b = { tokens: this.burst, at: now };
      this.#buckets.set(subject, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.ratePerSec);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  #sweep() {
    const cutoff = Date.now() - 10 * 60_000;
    for (const [k, b] of this.#buckets) if (b.at < cutoff) this.#buckets.delete(k);
  }
}

interface Bucket { tokens: number; refilledAt: number }

// Token bucket per subject, shared by every stream in this process.
export class IdentityLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly perMinute: number, private readonly maxKeys = 100_000) {}

  take(sub: string): boolean {
    const now = Date.now();
    let b = this.buckets.get(sub);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.evictOldest();
      b = { tokens: this.perMinute, refilledAt: now };
      this.buckets.set(sub, b);
    }
    const refill = ((now - b.refilledAt) / 60_000) * this.perMinute;
    b.tokens = Math.min(this.perMinute, b.tokens + refill);
    b.refilledAt = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private evictOldest(): void {
    const first = this.buckets.keys().next();
    if (!first.done) this.buckets.delete(first.value);
  }
}

export class IdentityLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  allow(identity: string): boolean {
    const now = Date.now();
    const w = this.windows.get(identity);
    if (!w || now - w.start >= 60_000) {
      this.windows.set(identity, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= this.perMinute;
  }

  sweep(): void {
    const now = Date.now();
    for (const [id, w] of this.windows) {
      if (now - w.start >= 120_000) this.windows.delete(id);
    }
  }
}

export class SlidingWindow {
  private hits: number[] = [];

  constructor(private readonly max: number, private readonly windowMs: number) {}

  hit(): boolean {
    const now = Date.now();
    this.hits = this.hits.filter((t) => now - t < this.windowMs);
    if (this.hits.length >= this.max) return false;
    this.hits.push(now);
    return true;
  }
}

interface Window {
  start: number;
  count: number;
}

/** Fixed-window message limiter keyed by caller identity (shared by all streams of this process). */
export class IdentityLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    setInterval(() => this.sweep(), windowMs).unref();
  }

  hit(identity: string, now = Date.now()): boolean {
    const w = this.windows.get(identity);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(identity, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  private sweep(now = Date.now()): void {
    for (const [k, w] of this.windows) {
      if (now - w.start >= this.windowMs) this.windows.delete(k);
    }
  }
}

export const toolCallLimiter = new IdentityLimiter(
  Number(process.env.TOOL_CALLS_PER_MINUTE ?? 120),
  60_000,
);

/** Sliding-window counter: at most `max` events per `windowMs`. */
export class OrderThrottle {
  private readonly stamps: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  tryAcquire(now = Date.now()): boolean {
    while (this.stamps.length && now - this.stamps[0] >= this.windowMs) {
      this.stamps.shift();
    }
    if (this.stamps.length >= this.max) return false;
    this.stamps.push(now);
    return true;
  }
}

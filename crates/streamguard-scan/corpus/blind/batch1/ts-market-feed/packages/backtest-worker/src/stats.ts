export class RunningStats {
  count = 0;
  private mean = 0;
  private m2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  push(x: number): void {
    this.count += 1;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  summary() {
    const variance = this.count > 1 ? this.m2 / (this.count - 1) : 0;
    return {
      count: this.count,
      mean: this.mean,
      stddev: Math.sqrt(variance),
      min: this.count ? this.min : 0,
      max: this.count ? this.max : 0,
    };
  }
}

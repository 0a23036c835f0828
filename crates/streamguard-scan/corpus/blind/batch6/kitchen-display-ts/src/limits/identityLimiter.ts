import type Redis from "ioredis";

// Fixed-window counter per cook identity, shared by every kds-server replica
// through Redis. A tablet that reconnects keeps its count.
export class IdentityLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly perMinute: number,
  ) {}

  async allow(sub: string): Promise<boolean> {
    const window = Math.floor(Date.now() / 60_000);
    const key = `kds:rl:${sub}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 120).exec()) as [[null, number]];
    return count <= this.perMinute;
  }
}

// Fixed-window message limiter keyed by identity, shared by every instance via Redis.
import type Redis from "ioredis";

export class IdentityLimiter {
  constructor(private readonly redis: Redis, private readonly perMinute: number) {}

  async allow(sub: string): Promise<boolean> {
    const window = Math.floor(Date.now() / 60_000);
    const key = `edc:rl:${sub}:${window}`;
    const n = await this.redis.incr(key);
    if (n === 1) await this.redis.expire(key, 120);
    return n <= this.perMinute;
  }
}

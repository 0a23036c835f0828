import type Redis from "ioredis";

/**
 * Fixed-window limiter shared by every gateway instance, keyed by agent (token subject).
 */
export class AgentLimiter {
  constructor(private readonly redis: Redis, private readonly perMinute: number) {}

  async allow(subject: string): Promise<boolean> {
    const window = Math.floor(Date.now() / 60_000);
    const key = `rl:agent:${subject}:${window}`;
    const count = await this.redis.incr(key);
    if (count === 1) await this.redis.expire(key, 90);
    return count <= this.perMinute;
  }
}

// Fixed-window limiter in Redis keyed by the archer/judge identity, shared by
// every stream and every range-server replica.
export class IdentityLimiter {
  constructor(redis, { perMinute = 240 } = {}) {
    this.redis = redis;
    this.perMinute = perMinute;
  }

  async allow(sub) {
    const window = Math.floor(Date.now() / 60000);
    const key = `range:rl:${sub}:${window}`;
    const n = await this.redis.incr(key);
    if (n === 1) await this.redis.expire(key, 61);
    return n <= this.perMinute;
  }
}

import Redis from 'ioredis';
import grpc from '@grpc/grpc-js';

// Fixed-window message limit and concurrent-stream cap per operator (`sub`), shared by
// every ride-control instance through Redis.
export class IdentityLimiter {
  constructor(url, { perMinute, maxStreams }) {
    this.redis = new Redis(url);
    this.perMinute = perMinute;
    this.maxStreams = maxStreams;
  }

  async take(sub) {
    const key = `rl:msg:${sub}:${Math.floor(Date.now() / 60_000)}`;
    const n = await this.redis.multi().incr(key).expire(key, 70).exec();
    if (n[0][1] > this.perMinute) {
      throw Object.assign(new Error('rate_limit_exceeded'), { code: grpc.status.RESOURCE_EXHAUSTED });
    }
  }

  async openStream(sub) {
    const n = await this.redis.incr(`rl:streams:${sub}`);
    await this.redis.expire(`rl:streams:${sub}`, 3600);
    if (n > this.maxStreams) {
      await this.redis.decr(`rl:streams:${sub}`);
      throw Object.assign(new Error('too many streams'), { code: grpc.status.RESOURCE_EXHAUSTED });
    }
  }

  async closeStream(sub) {
    await this.redis.decr(`rl:streams:${sub}`);
  }
}

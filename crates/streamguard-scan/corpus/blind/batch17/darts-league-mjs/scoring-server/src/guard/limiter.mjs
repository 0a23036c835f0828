import Redis from 'ioredis';
import { config } from '../config.mjs';

const redis = new Redis(config.redisUrl);

// Fixed window per scorer identity, shared by every stream and every instance.
export async function allowThrow(sub) {
  const key = `league:rl:${sub}:${Math.floor(Date.now() / 60_000)}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 90);
  return n <= config.throwsPerMinute;
}

export async function openStream(sub) {
  const n = await redis.incr(`league:streams:${sub}`);
  await redis.expire(`league:streams:${sub}`, Math.ceil(config.maxStreamMs / 1000) + 60);
  if (n > config.maxStreamsPerScorer) {
    await redis.decr(`league:streams:${sub}`);
    return false;
  }
  return true;
}

export async function closeStream(sub) {
  await redis.decr(`league:streams:${sub}`);
}

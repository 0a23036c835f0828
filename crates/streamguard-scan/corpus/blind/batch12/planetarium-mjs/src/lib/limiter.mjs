import Redis from 'ioredis';
import { config } from './config.mjs';

const redis = new Redis(config.redisUrl);

// Fixed one-minute window per operator, shared by every show-control instance.
export async function allowCue(sub) {
  const key = `cue-rate:${sub}:${Math.floor(Date.now() / 60_000)}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 90);
  return n <= config.cuesPerMinute;
}

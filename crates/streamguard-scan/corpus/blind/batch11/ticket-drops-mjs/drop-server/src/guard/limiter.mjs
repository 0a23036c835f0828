import Redis from 'ioredis';
import { config } from '../config.mjs';

const redis = new Redis(config.redisUrl);

// Fixed-window counter per fan (the token's sub), shared by all drop-server instances.
export async function allowAction(fanId) {
  const window = Math.floor(Date.now() / 60000);
  const key = `rl:claim:${fanId}:${window}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 61);
  return n <= config.actionsPerMinute;
}

// Concurrent claim streams per fan, across instances.
export async function acquireStream(fanId) {
  const n = await redis.incr(`streams:${fanId}`);
  await redis.expire(`streams:${fanId}`, Math.ceil(config.maxStreamMs / 1000) + 60);
  if (n > config.maxStreamsPerFan) {
    await redis.decr(`streams:${fanId}`);
    return null;
  }
  return () => redis.decr(`streams:${fanId}`);
}

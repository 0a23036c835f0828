import Redis from 'ioredis';
import { config } from './config.js';

const redis = new Redis(config.redisUrl);

/** Fixed-window counter per arbiter identity, shared by every stream and every replica. */
export async function allowAction(subject) {
  const window = Math.floor(Date.now() / 60_000);
  const key = `clock:rl:${subject}:${window}`;
  const [[, count]] = await redis.multi().incr(key).expire(key, 120).exec();
  return count <= config.actionsPerMinute;
}

import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://redis:6379/4');
const WINDOW_S = 60;
const PER_WINDOW = Number(process.env.GUIDE_EVENTS_PER_MINUTE ?? 120);

// Fixed-window counter per visitor, shared by every stream and every guide-server replica.
export async function allowEvent(sub) {
  const key = `guide:rl:${sub}:${Math.floor(Date.now() / 1000 / WINDOW_S)}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, WINDOW_S + 1);
  return n <= PER_WINDOW;
}

const MAX_STREAMS = 4;
export async function acquireStream(sub) {
  const n = await redis.incr(`guide:streams:${sub}`);
  await redis.expire(`guide:streams:${sub}`, 3600);
  if (n > MAX_STREAMS) {
    await redis.decr(`guide:streams:${sub}`);
    return false;
  }
  return true;
}

export function releaseStream(sub) {
  return redis.decr(`guide:streams:${sub}`);
}

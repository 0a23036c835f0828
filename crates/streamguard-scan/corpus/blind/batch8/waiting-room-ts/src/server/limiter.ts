import Redis from 'ioredis';
import { config } from './config';

const redis = new Redis(config.redisUrl);

// Fixed one-minute window per fan, shared by every queue-server instance.
export async function allowCartAction(sub: string): Promise<boolean> {
  const key = `waitroom:cart:${sub}:${Math.floor(Date.now() / 60_000)}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 120);
  return n <= config.cartActionsPerMinute;
}

export async function queueState(ticketId: string): Promise<{ position: number; ahead: number; admitted: boolean; checkoutToken?: string } | null> {
  const h = await redis.hgetall(`waitroom:ticket:${ticketId}`);
  if (!h.position) return null;
  return {
    position: Number(h.position),
    ahead: Number(h.ahead ?? 0),
    admitted: h.admitted === '1',
    checkoutToken: h.checkout_token,
  };
}

export async function ticketOwner(ticketId: string): Promise<string | null> {
  return redis.hget(`waitroom:ticket:${ticketId}`, 'sub');
}

export { redis };

import Redis from 'ioredis';
import { config } from '../config';

const redis = new Redis(config.redisUrl);

// Commands per operator per minute, counted in Redis across streams and instances.
export async function allowCommand(sub: string): Promise<boolean> {
  const key = `fleet:cmds:${sub}:${Math.floor(Date.now() / 60_000)}`;
  const [[, n]] = (await redis.multi().incr(key).expire(key, 120).exec()) as [[null, number]];
  return n <= config.commandsPerMinute;
}

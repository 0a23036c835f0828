import Redis from 'ioredis';
import { config } from '../config.mjs';

const redis = new Redis(config.redisUrl);

/** Console commands per operator per minute, shared by all farm-server replicas. */
export async function allowCommand(subject) {
  const key = `farm:cmds:${subject}:${Math.floor(Date.now() / 60_000)}`;
  const [[, n]] = await redis.multi().incr(key).expire(key, 120).exec();
  return n <= config.commandsPerMinute;
}

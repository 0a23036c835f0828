import { redis } from "./revocations";
import { config } from "../config";

// Per-operator limits shared by every stream and every replica.
export async function allowCommand(subject: string): Promise<boolean> {
  const key = `rl:cmd:${subject}:${Math.floor(Date.now() / 60_000)}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 61);
  return n <= config.commandsPerMinute;
}

export async function acquireStream(subject: string): Promise<(() => void) | undefined> {
  const key = `rl:streams:${subject}`;
  const n = await redis.incr(key);
  await redis.expire(key, 3600);
  if (n > config.maxStreamsPerOperator) {
    await redis.decr(key);
    return undefined;
  }
  let released = false;
  return () => {
    if (!released) {
      released = true;
      void redis.decr(key);
    }
  };
}

import Redis from "ioredis";
import { EventEmitter } from "node:events";
import { config } from "../config";

// The auth service publishes {"jti": "..."} or {"sub": "..."} on
// `roastworks:revoked` and keeps the same ids in a set for new streams.
export const revocations = new EventEmitter();
revocations.setMaxListeners(0);

const sub = new Redis(config.redisUrl);
export const redis = new Redis(config.redisUrl);

sub.subscribe("roastworks:revoked");
sub.on("message", (_ch, raw) => {
  const ev = JSON.parse(raw) as { jti?: string; sub?: string };
  revocations.emit("revoked", ev);
});

export async function isRevoked(jti: string, subject: string): Promise<boolean> {
  const [a, b] = await redis.smismember("roastworks:revoked:set", `jti:${jti}`, `sub:${subject}`);
  return a === 1 || b === 1;
}

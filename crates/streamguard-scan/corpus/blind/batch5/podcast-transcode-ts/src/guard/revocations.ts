import { Redis } from "ioredis";

type Listener = () => void;
const byKey = new Map<string, Set<Listener>>();

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
redis.subscribe("pod:revocations").catch((err) => console.error(`revocation feed unavailable: ${err.message}`));
redis.on("message", (_c: string, msg: string) => {
  // Messages are "jti:<id>" or "sub:<subject>".
  byKey.get(msg)?.forEach((fn) => fn());
});

export function onRevocation(jti: string, sub: string, fn: Listener): () => void {
  const keys = [`jti:${jti}`, `sub:${sub}`];
  for (const k of keys) {
    if (!byKey.has(k)) byKey.set(k, new Set());
    byKey.get(k)!.add(fn);
  }
  return () => keys.forEach((k) => byKey.get(k)?.delete(fn));
}

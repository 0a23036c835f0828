import Redis from 'ioredis';

const redis = new Redis(process.env.LEDGER_REDIS_URL ?? 'redis://127.0.0.1:6379/2', { lazyConnect: true });

export const REVOCATION_POLL_MS = 60_000;

// The identity team writes revoked jtis into a Redis set; we read it, we never write it.
export async function isRevoked(jti, sub) {
  const [byJti, bySub] = await Promise.all([
    jti ? redis.sismember('revoked:jti', jti) : Promise.resolve(0),
    redis.sismember('revoked:sub', sub),
  ]);
  return byJti === 1 || bySub === 1;
}

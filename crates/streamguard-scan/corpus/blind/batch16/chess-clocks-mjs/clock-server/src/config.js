export const config = {
  listen: process.env.CLOCK_LISTEN ?? '0.0.0.0:50061',
  jwksUrl: process.env.CLOCK_JWKS_URL ?? 'https://id.chessfed.example/.well-known/jwks.json',
  issuer: 'https://id.chessfed.example',
  audience: 'tournament-clocks',
  redisUrl: process.env.REDIS_URL ?? 'redis://redis.internal:6379/2',
  pairingAddr: process.env.PAIRING_ADDR ?? 'pairing.internal:50071',
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://clocks@db.internal/clocks',
  maxStreamLifetimeMs: 30 * 60 * 1000,
  idleTimeoutMs: 5 * 60 * 1000,
  actionsPerMinute: 300,
};

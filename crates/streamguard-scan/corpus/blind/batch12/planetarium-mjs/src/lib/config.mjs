export const config = {
  listen: process.env.SHOW_LISTEN ?? '0.0.0.0:50440',
  issuer: 'https://login.planetarium.example',
  audience: 'show-control',
  jwks: new URL(process.env.SHOW_JWKS ?? 'https://login.planetarium.example/jwks.json'),
  natsUrl: process.env.SHOW_NATS ?? 'nats://nats:4222',
  redisUrl: process.env.SHOW_REDIS ?? 'redis://redis:6379/0',
  pgUrl: process.env.SHOW_PG ?? 'postgres://show@pg/showlog',
  projectorAddr: process.env.SHOW_PROJECTOR ?? 'projector-bridge:50441',
  maxStreamMs: 45 * 60_000,
  idleMs: 5 * 60_000,
  cuesPerMinute: 120,
};

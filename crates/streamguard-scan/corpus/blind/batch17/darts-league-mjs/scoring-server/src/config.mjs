export const config = {
  listen: process.env.LEAGUE_LISTEN ?? '0.0.0.0:50090',
  jwksUrl: process.env.LEAGUE_JWKS ?? 'https://auth.dartsleague.example/.well-known/jwks.json',
  issuer: 'https://auth.dartsleague.example',
  audience: 'league-scoring',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/2',
  statsAddr: process.env.STATS_ADDR ?? 'stats.dartsleague.internal:50091',
  boardsUrl: process.env.BOARDS_URL ?? 'http://boards.dartsleague.internal',
  maxStreamMs: 20 * 60_000,
  idleMs: 3 * 60_000,
  throwsPerMinute: 90,
  maxStreamsPerScorer: 3,
};

export interface ToolhostConfig {
  listen: string;
  jwtPublicKeyPem: string;
  issuer: string;
  audience: string;
  leewayMs: number;
  callsPerMinute: number;
  maxWatchMs: number;
  searchTarget: string;
  redisUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ToolhostConfig {
  const pem = env.TOOLHOST_JWT_PUBLIC_KEY;
  if (!pem) throw new Error('TOOLHOST_JWT_PUBLIC_KEY is required');
  return {
    listen: env.TOOLHOST_LISTEN ?? '0.0.0.0:50051',
    jwtPublicKeyPem: pem,
    issuer: env.TOOLHOST_ISSUER ?? 'https://id.toolhost.dev',
    audience: env.TOOLHOST_AUDIENCE ?? 'https://tools.toolhost.dev',
    leewayMs: Number(env.TOOLHOST_LEEWAY_MS ?? 500),
    callsPerMinute: Number(env.TOOLHOST_CALLS_PER_MINUTE ?? 120),
    maxWatchMs: Number(env.TOOLHOST_MAX_WATCH_MS ?? 10 * 60_000),
    searchTarget: env.SEARCH_TARGET ?? 'search.internal:50070',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  };
}

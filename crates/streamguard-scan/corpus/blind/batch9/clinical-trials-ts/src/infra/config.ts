export interface Config {
  listen: string;
  issuer: string;
  audience: string;
  jwksUrl: string;
  redisUrl: string;
  codingAddr: string;
  visitsAddr: string;
  scanBucketUrl: string;
  maxStreamMs: number;
  idleMs: number;
  messagesPerMinute: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    listen: env.EDC_LISTEN ?? "0.0.0.0:9443",
    issuer: env.EDC_ISSUER ?? "https://login.trialworks.example",
    audience: env.EDC_AUDIENCE ?? "edc",
    jwksUrl: env.EDC_JWKS_URL ?? "https://login.trialworks.example/jwks",
    redisUrl: env.REDIS_URL ?? "redis://localhost:6379/0",
    codingAddr: env.CODING_ADDR ?? "coding.internal:9500",
    visitsAddr: env.VISITS_ADDR ?? "visits.internal:9501",
    scanBucketUrl: env.SCAN_BUCKET_URL ?? "http://objects.internal/scans",
    maxStreamMs: Number(env.EDC_MAX_STREAM_MS ?? 20 * 60_000),
    idleMs: Number(env.EDC_IDLE_MS ?? 5 * 60_000),
    messagesPerMinute: Number(env.EDC_MSG_PER_MIN ?? 240),
  };
}

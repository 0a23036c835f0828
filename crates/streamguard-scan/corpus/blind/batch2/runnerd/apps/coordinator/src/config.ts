export const config = {
  listen: process.env.COORDINATOR_LISTEN ?? '0.0.0.0:9443',
  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379/0',
  artifactBaseUrl: process.env.ARTIFACT_BASE_URL ?? 'http://artifacts.internal:8080',
  runnerJwtSecret: process.env.RUNNER_JWT_SECRET ?? '',
  userJwksUrl: process.env.USER_JWKS_URL ?? 'https://auth.runnerd.dev/.well-known/jwks.json',
  maxAttachMs: Number(process.env.MAX_ATTACH_MS ?? 4 * 60 * 60 * 1000),
};

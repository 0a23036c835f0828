const env = process.env;

export const config = {
  listen: env.FARM_LISTEN ?? '0.0.0.0:9443',
  issuer: env.OIDC_ISSUER ?? 'https://id.printfarm.example',
  audience: env.OIDC_AUDIENCE ?? 'print-farm',
  natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
  redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379/2',
  jobsBucket: env.JOBS_BUCKET ?? 'printfarm-jobs',
  maxStreamLifetimeMs: 30 * 60_000,
  idleTimeoutMs: 5 * 60_000,
  maxUploadBytes: 64 * 1024 * 1024,
  commandsPerMinute: 60,
  agents: JSON.parse(env.AGENTS_JSON ?? '{"rack-a":"10.20.0.11:7070","rack-b":"10.20.0.12:7070"}'),
  tls: {
    ca: env.FARM_CA ?? '/etc/printfarm/ca.pem',
    cert: env.FARM_CERT ?? '/etc/printfarm/farm.pem',
    key: env.FARM_KEY ?? '/etc/printfarm/farm-key.pem',
  },
};

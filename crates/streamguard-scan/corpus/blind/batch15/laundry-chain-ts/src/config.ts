export const config = {
  listen: process.env.STOREOPS_LISTEN ?? '0.0.0.0:50061',
  issuer: 'https://auth.washco.example/',
  audience: 'store-ops',
  jwksUrl: process.env.JWKS_URL ?? 'https://auth.washco.example/.well-known/jwks.json',
  redisUrl: process.env.REDIS_URL ?? 'redis://cache.washco.internal:6379/0',
  telemetryUrl: process.env.TELEMETRY_URL ?? 'http://machine-telemetry.internal:8088',
  controllerAddr: process.env.CONTROLLER_ADDR ?? 'machine-controller.internal:50062',
  logsBucket: process.env.LOGS_BUCKET ?? 'washco-cycle-logs',
  consoleCommandsPerMinute: 20,
};

import { readFileSync } from 'node:fs';

export function loadConfig(env = process.env) {
  return {
    listen: env.RIDES_LISTEN ?? '0.0.0.0:9443',
    cert: readFileSync(env.RIDES_CERT ?? '/etc/rides/tls.crt'),
    key: readFileSync(env.RIDES_KEY ?? '/etc/rides/tls.key'),
    jwksUrl: env.RIDES_JWKS ?? 'https://sso.carnival.example/.well-known/jwks.json',
    issuer: 'https://sso.carnival.example',
    audience: 'ride-control',
    natsUrl: env.NATS_URL ?? 'nats://nats.internal:4222',
    redisUrl: env.REDIS_URL ?? 'redis://redis.internal:6379/2',
    plcUrl: env.PLC_GATEWAY ?? 'http://plc-gw.internal:8081',
    historianAddr: env.HISTORIAN ?? 'historian.internal:9450',
    maxLifetimeMs: 20 * 60 * 1000,
    idleMs: 2 * 60 * 1000,
  };
}

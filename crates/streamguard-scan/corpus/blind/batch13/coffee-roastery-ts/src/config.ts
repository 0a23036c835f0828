export const config = {
  listen: process.env.LISTEN ?? "0.0.0.0:50080",
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0",
  plcGateway: process.env.PLC_GATEWAY ?? "http://plc-gw.roastery.lan:8080",
  inventory: process.env.INVENTORY ?? "inventory.roastworks.internal:50090",
  jwksUrl: process.env.JWKS_URL ?? "https://auth.roastworks.example/jwks.json",
  issuer: "https://auth.roastworks.example/",
  audience: "roast-server",
  maxStreamLifetimeMs: 30 * 60_000,
  idleTimeoutMs: 5 * 60_000,
  commandsPerMinute: 120,
  maxStreamsPerOperator: 4,
};

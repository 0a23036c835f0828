export const config = {
  listen: process.env.LISTEN ?? '0.0.0.0:7443',
  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379/0',
  jwksUrl: process.env.JWKS_URL ?? 'https://id.tixline.example/.well-known/jwks.json',
  issuer: process.env.JWT_ISSUER ?? 'https://id.tixline.example/',
  audience: process.env.JWT_AUDIENCE ?? 'waiting-room',
  inventoryAddr: process.env.INVENTORY_ADDR ?? 'inventory.internal:7600',
  analyticsUrl: process.env.ANALYTICS_URL ?? 'http://analytics.internal:8080',
  maxStreamLifetimeMs: Number(process.env.MAX_STREAM_LIFETIME_MS ?? 30 * 60 * 1000),
  cartActionsPerMinute: Number(process.env.CART_ACTIONS_PER_MINUTE ?? 60),
};

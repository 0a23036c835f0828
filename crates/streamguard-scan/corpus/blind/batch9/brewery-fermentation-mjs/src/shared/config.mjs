export const config = {
  cellarListen: process.env.CELLAR_LISTEN ?? '0.0.0.0:7400',
  bridgeListen: process.env.BRIDGE_LISTEN ?? '0.0.0.0:7401',
  issuer: process.env.OIDC_ISSUER ?? 'https://sso.hopworks.example',
  audience: process.env.OIDC_AUDIENCE ?? 'cellar-api',
  jwksUrl: process.env.OIDC_JWKS_URL ?? 'https://sso.hopworks.example/.well-known/jwks.json',
  natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://cellar@localhost/cellar',
  recipeBookAddr: process.env.RECIPE_BOOK_ADDR ?? 'recipes.internal:7500',
  maxStreamMinutes: Number(process.env.CELLAR_MAX_STREAM_MIN ?? 30),
};

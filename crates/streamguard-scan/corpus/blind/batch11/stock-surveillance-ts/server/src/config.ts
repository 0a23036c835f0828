export const config = {
  listen: process.env.LISTEN ?? "0.0.0.0:50090",
  jwksUrl: process.env.JWKS_URL ?? "https://sso.exchange.example/.well-known/jwks.json",
  issuer: process.env.JWT_ISSUER ?? "https://sso.exchange.example",
  audience: "surveillance",
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/2",
  refDataAddr: process.env.REFDATA_ADDR ?? "refdata.internal:443",
  caseStoreAddr: process.env.CASESTORE_ADDR ?? "casestore.internal:443",
  regulatorDeskUrl: process.env.REGDESK_URL ?? "https://regdesk.internal/api/escalations",
  maxConnectionAgeMs: 20 * 60 * 1000,
};

export const config = {
  listen: process.env.LISTEN ?? '0.0.0.0:50061',
  natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
  pgUrl: process.env.DATABASE_URL ?? 'postgres://timing@127.0.0.1/timing',
  resultsApi: process.env.RESULTS_API ?? 'http://results.race.internal',
  scoring: process.env.SCORING ?? 'scoring.race.internal:50071',
  jwksUrl: process.env.JWKS_URL ?? 'https://id.racehub.example/.well-known/jwks.json',
  issuer: 'https://id.racehub.example/',
  audience: 'timing',
  readsPerSecondPerReader: 200,
};

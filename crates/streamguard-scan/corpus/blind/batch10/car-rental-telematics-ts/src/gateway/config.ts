export const config = {
  listen: process.env.LISTEN ?? '0.0.0.0:50090',
  issuer: process.env.OIDC_ISSUER ?? 'https://login.rentco.example',
  audience: 'fleet-gateway',
  jwksUrl: process.env.JWKS_URL ?? 'https://login.rentco.example/.well-known/jwks.json',
  deviceKeySecret: process.env.TCU_TOKEN_SECRET ?? '',
  redisUrl: process.env.REDIS_URL ?? 'redis://redis:6379/1',
  locationAddr: process.env.LOCATION_ADDR ?? 'location.fleet.svc:50051',
  tcuAddr: process.env.TCU_ADDR ?? 'tcu-bridge.fleet.svc:50051',
  incidentsAddr: process.env.INCIDENTS_ADDR ?? 'incidents.fleet.svc:50051',
  uplinkMaxPerMinute: 600,
  commandsPerMinute: 30,
  harshBrakeG: 0.8,
};

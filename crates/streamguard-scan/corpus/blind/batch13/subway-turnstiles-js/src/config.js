'use strict';

module.exports = {
  listen: process.env.LISTEN || '0.0.0.0:7443',
  fareEngine: process.env.FARE_ENGINE || 'fare-engine.ticketing.svc:50051',
  occupancyApi: process.env.OCCUPANCY_API || 'http://occupancy.metro.internal',
  redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379/2',
  pgUrl: process.env.DATABASE_URL || 'postgres://turnstiles@127.0.0.1/turnstiles',
  gateSecret: process.env.GATE_HMAC_SECRET || '',
  jwtPublicKey: process.env.OPERATOR_JWT_PUBLIC_KEY || '',
  jwtIssuer: 'https://sso.metro.example/',
  jwtAudience: 'turnstiles',
  maxTapsPerSecond: 40,
  statusPollMs: 2000,
};

'use strict';

module.exports = {
  port: Number(process.env.PORT || 50061),
  jwtPublicKey: process.env.BAGGAGE_JWT_PUBLIC_KEY_FILE || '/etc/baggage/jwt.pub',
  jwtIssuer: process.env.BAGGAGE_JWT_ISSUER || 'https://idp.t2.airport.internal',
  jwtAudience: 'sortation',
  bhsBaseUrl: process.env.BHS_URL || 'http://bhs-scada.t2.internal:8080',
  plcAddress: process.env.PLC_GATEWAY || 'plc-gw.t2.internal:7443',
  lostFoundAddress: process.env.LOST_FOUND || 'lostfound.t2.internal:50070',
  databaseUrl: process.env.DATABASE_URL || 'postgres://sortation@db/baggage',
  redisUrl: process.env.REDIS_URL || 'redis://redis:6379/2',
  scannerMaxScansPerSecond: 40,
};

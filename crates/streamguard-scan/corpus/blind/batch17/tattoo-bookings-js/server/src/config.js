'use strict';

module.exports = {
  listen: process.env.STUDIO_LISTEN || '0.0.0.0:50071',
  jwtPublicKey: process.env.STUDIO_JWT_PUBKEY_FILE || '/etc/inkhouse/jwt.pem',
  jwtIssuer: process.env.STUDIO_JWT_ISS || 'https://id.inkhouse.example',
  jwtAudience: 'studio-api',
  databaseUrl: process.env.DATABASE_URL || 'postgres://studio@localhost/studio',
  paymentsUrl: process.env.PAYMENTS_URL || 'https://pay.inkhouse.internal',
  calendarAddr: process.env.CALENDAR_ADDR || 'calendar.inkhouse.internal:443',
  chairPollMs: 5000,
  consoleOpsPerMinute: 40,
};

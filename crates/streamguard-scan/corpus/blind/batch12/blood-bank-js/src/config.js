'use strict';

module.exports = {
  listen: process.env.BB_LISTEN || '0.0.0.0:50071',
  jwtIssuer: process.env.BB_JWT_ISSUER || 'https://sso.regional-blood.example',
  jwtAudience: 'bloodbank-inventory',
  jwtPublicKeyFile: process.env.BB_JWT_KEY || '/etc/bloodbank/sso.pem',
  pgUrl: process.env.BB_PG_URL || 'postgres://inventory@db:5432/bloodbank',
  labAddr: process.env.BB_LAB_ADDR || 'serology-lab:50090',
  stockPollMs: 5000,
  crossmatchPerMinute: 30,
};

'use strict';

module.exports = {
  port: process.env.VITALS_PORT || '50061',
  jwtPublicKey: process.env.VITALS_JWT_PUBKEY_FILE || '/etc/vitals/jwt.pub',
  jwtIssuer: process.env.VITALS_JWT_ISSUER || 'https://sso.ward.example',
  ehrAddress: process.env.EHR_ADDRESS || 'ehr-gateway.internal:443',
  defaultIntervalMs: 1000,
  maxAlarmPage: 200,
};

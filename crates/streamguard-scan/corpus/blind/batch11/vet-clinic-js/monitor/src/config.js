'use strict';

module.exports = {
  port: Number(process.env.PORT || 50071),
  jwtPublicKey: process.env.JWT_PUBLIC_KEY_FILE || '/etc/vetmon/jwt.pub',
  jwtIssuer: process.env.JWT_ISSUER || 'https://id.vetcare.example',
  jwtAudience: 'vetmon',
  gatewaySecret: process.env.GATEWAY_HMAC_SECRET || 'dev-only',
  ehrBaseUrl: process.env.EHR_URL || 'http://ehr.internal:8080',
  maxReadingsPerStream: 500,
  protoPath: require('path').join(__dirname, '..', '..', 'proto', 'vetmon.proto'),
};

'use strict';

module.exports = {
  listen: process.env.VAULT_LISTEN || '0.0.0.0:7443',
  jwtPublicKey: process.env.VAULT_JWT_PUBKEY_FILE || '/etc/seedbank/jwt.pem',
  jwtIssuer: 'https://id.seedbank.example',
  jwtAudience: 'vault-server',
  climateAddr: process.env.CLIMATE_ADDR || 'climate-ctl.internal:7450',
  catalogAddr: process.env.CATALOG_ADDR || 'catalog.internal:7460',
  doorsUrl: process.env.DOORS_URL || 'http://door-controller.internal:8080',
  pgUrl: process.env.PG_URL || 'postgres://vault@db.internal/seedbank',
  maxOpsPerMinute: 30,
};

'use strict';

const fs = require('node:fs');

module.exports = {
  listen: process.env.TOTE_LISTEN || '0.0.0.0:50071',
  jwtPublicKey: fs.readFileSync(process.env.TOTE_JWT_PUBKEY || '/etc/tote/jwt.pub', 'utf8'),
  jwtIssuer: process.env.TOTE_JWT_ISSUER || 'https://id.tote.example',
  jwtAudience: 'tote-api',
  walletAddr: process.env.WALLET_ADDR || 'wallet.tote.svc:443',
  pricingUrl: process.env.PRICING_URL || 'http://pricing.tote.svc:8080',
  databaseUrl: process.env.DATABASE_URL,
  poolPollMs: 2000,
  maxBetsPerStream: 200,
};

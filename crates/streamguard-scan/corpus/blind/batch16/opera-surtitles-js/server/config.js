'use strict';

module.exports = {
  listen: process.env.SURTITLE_LISTEN || '0.0.0.0:7443',
  jwtPublicKeyFile: process.env.SURTITLE_JWT_PUBKEY || '/etc/surtitles/jwt.pem',
  issuer: 'https://sso.opera-house.example',
  audience: 'surtitles',
  librettoUrl: process.env.LIBRETTO_URL || 'http://libretto.internal:8080',
  projectorAddr: process.env.PROJECTOR_ADDR || 'projector-bridge.internal:7001',
  deckCommandsPerMinute: 240,
};

'use strict';

const path = require('path');

module.exports = {
  listen: process.env.RELAY_LISTEN || '0.0.0.0:7443',
  protoPath: path.resolve(__dirname, '../../proto/chat/v1/chat.proto'),
  jwtSecret: process.env.RELAY_JWT_SECRET || '',
  jwtIssuer: process.env.RELAY_JWT_ISSUER || 'https://id.chat.example',
  moderationAddr: process.env.MODERATION_ADDR || 'localhost:7500',
  historyStoreAddr: process.env.HISTORY_ADDR || 'localhost:7501',
  postsPerWindow: 30,
  windowMs: 10_000,
};

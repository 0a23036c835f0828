'use strict';
// Revoked token ids, pushed by the identity service over Redis pub/sub.
// The set is kept in memory; the subscription delivers additions as they happen.
const Redis = require('ioredis');
const config = require('./config');
const log = require('./log');

const revoked = new Set();
let sub;

function start() {
  if (sub) return;
  sub = new Redis(config.redisUrl);
  const seed = new Redis(config.redisUrl);
  seed.smembers('revoked:jti').then((ids) => { ids.forEach((id) => revoked.add(id)); seed.disconnect(); });
  sub.subscribe('revocations').catch((err) => log.error({ err }, 'revocation subscribe failed'));
  sub.on('message', (_channel, jti) => revoked.add(jti));
}

function isRevoked(claims) {
  return revoked.has(claims.jti) || revoked.has(`sub:${claims.sub}`);
}

module.exports = { start, isRevoked };

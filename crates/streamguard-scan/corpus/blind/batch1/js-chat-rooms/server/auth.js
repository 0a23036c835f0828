'use strict';

const jwt = require('jsonwebtoken');
const Redis = require('ioredis');

const SECRET = process.env.CHAT_JWT_SECRET;
const revokedJti = new Set();
const revokedSub = new Set();

const sub = new Redis(process.env.REDIS_URL || 'redis://localhost:6379');
sub.subscribe('chat:revocations').catch((err) => console.error('revocation feed', err));
sub.on('message', (_channel, raw) => {
  const [kind, id] = String(raw).split(':');
  if (kind === 'jti') revokedJti.add(id);
  if (kind === 'sub') revokedSub.add(id);
});

function verifySession(token) {
  if (!token) throw new Error('no token');
  const claims = jwt.verify(token, SECRET, { algorithms: ['HS256'], audience: 'chat' });
  return {
    sub: claims.sub,
    exp: claims.exp,
    jti: claims.jti,
    rooms: Array.isArray(claims.rooms) ? claims.rooms : [],
  };
}

function tokenFromMetadata(metadata) {
  const raw = metadata.get('authorization')[0];
  return typeof raw === 'string' ? raw.replace(/^Bearer\s+/i, '') : null;
}

function isRevoked(claims) {
  return revokedJti.has(claims.jti) || revokedSub.has(claims.sub);
}

module.exports = { verifySession, tokenFromMetadata, isRevoked };

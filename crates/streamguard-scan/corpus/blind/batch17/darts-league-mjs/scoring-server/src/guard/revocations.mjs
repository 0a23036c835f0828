import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import { config } from '../config.mjs';

// Revocations are pushed on a Redis channel; every open guard listens for its jti and sub.
export const revocations = new EventEmitter();
revocations.setMaxListeners(0);

const sub = new Redis(config.redisUrl);
sub.subscribe('league:revocations');
sub.on('message', (_channel, raw) => {
  try {
    const { jti, sub: subject } = JSON.parse(raw);
    if (jti) revocations.emit(`jti:${jti}`);
    if (subject) revocations.emit(`sub:${subject}`);
  } catch {
    /* malformed announcement, ignore */
  }
});

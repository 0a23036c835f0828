'use strict';

function int(name, def) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number.parseInt(raw, 10);
  if (Number.isNaN(n)) throw new Error(`${name} must be an integer, got ${raw}`);
  return n;
}

module.exports = {
  listen: process.env.SIGNAL_LISTEN || '0.0.0.0:7443',
  jwksUrl: process.env.HUDDLE_JWKS_URL || 'https://id.huddle.internal/.well-known/jwks.json',
  issuer: process.env.HUDDLE_ISSUER || 'https://id.huddle.internal/',
  audience: process.env.HUDDLE_AUDIENCE || 'signal',
  presenceAddr: process.env.PRESENCE_ADDR || 'presence.huddle.internal:7000',
  maxConnectionAgeMs: int('SIGNAL_MAX_CONN_AGE_MS', 45 * 60 * 1000),
  messagesPerSecond: int('SIGNAL_MSGS_PER_SEC', 50),
};

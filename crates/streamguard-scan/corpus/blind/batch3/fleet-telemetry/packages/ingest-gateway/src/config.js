'use strict';

const env = process.env;

module.exports = {
  listen: env.INGEST_LISTEN || '0.0.0.0:7443',
  jwksUrl: env.FLEET_JWKS_URL || 'https://auth.fleet.internal/.well-known/jwks.json',
  issuer: env.FLEET_ISSUER || 'https://auth.fleet.internal/',
  audience: 'ingest-gateway',
  tsdbUrl: env.TSDB_WRITE_URL || 'http://tsdb.fleet.internal:8428/api/v1/import',
  flushIntervalMs: Number(env.FLUSH_INTERVAL_MS || 2000),
  readingsPerSecond: Number(env.READINGS_PER_SECOND || 50),
  readingsBurst: Number(env.READINGS_BURST || 200),
  protoRoot: env.PROTO_ROOT || `${__dirname}/../../../proto`,
};

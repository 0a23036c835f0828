'use strict';

const env = process.env;

module.exports = {
  listen: env.WIRE_LISTEN || '0.0.0.0:7443',
  photoListen: env.PHOTO_LISTEN || '0.0.0.0:7444',
  archiveAddr: env.ARCHIVE_ADDR || 'archive.content.svc:9000',
  // The archive is slow under election-night load; 10 s has been enough so far.
  archiveTimeoutMs: Number(env.ARCHIVE_TIMEOUT_MS || 10_000),
  jwtPublicKeyFile: env.JWT_PUBLIC_KEY_FILE || '/etc/wire/jwt.pub',
  jwtIssuer: env.JWT_ISSUER || 'https://sso.newsroom.example',
  jwtAudience: env.JWT_AUDIENCE || 'wire',
  kafkaBrokers: (env.KAFKA_BROKERS || 'kafka-0:9092').split(','),
  photoSpool: env.PHOTO_SPOOL || '/var/spool/photos',
  maxEditsPerMinute: Number(env.MAX_EDITS_PER_MINUTE || 120),
  maxChunks: 200,
};

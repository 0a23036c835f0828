'use strict';
// Writes vehicle positions to the AVL store (Redis geo set + stream).
const Redis = require('ioredis');
const config = require('./config');

const redis = new Redis(config.redisUrl);

async function record(pos) {
  await redis
    .multi()
    .geoadd('avl:positions', pos.lon, pos.lat, pos.vehicleId)
    .xadd('avl:stream', 'MAXLEN', '~', '200000', '*', 'v', pos.vehicleId, 't', pos.tripId, 'ts', String(pos.ts), 'occ', String(pos.occupancy))
    .exec();
}

module.exports = { record };

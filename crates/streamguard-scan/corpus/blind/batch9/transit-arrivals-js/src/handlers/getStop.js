'use strict';
const grpc = require('@grpc/grpc-js');
const { requireRider, AuthError } = require('../lib/auth');
const predictions = require('../lib/predictions');

async function getStop(call, callback) {
  try {
    requireRider(call);
    const info = await predictions.stopInfo(call.request.stopId);
    if (!info) return callback({ code: grpc.status.NOT_FOUND, details: `no stop ${call.request.stopId}` });
    callback(null, { stopId: info.id, name: info.name, lat: info.lat, lon: info.lon, routes: info.routes });
  } catch (err) {
    if (err instanceof AuthError) return callback({ code: err.code, details: err.details });
    callback({ code: grpc.status.UNAVAILABLE, details: err.message });
  }
}

module.exports = { getStop };

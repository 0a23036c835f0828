'use strict';
// Buses stream their GPS fixes for the whole duty (up to 14 h).
const grpc = require('@grpc/grpc-js');
const { requireVehicle, AuthError } = require('../lib/auth');
const positions = require('../lib/positions');
const log = require('../lib/log');

// A bus sends one fix every 5 s; anything much faster is a broken modem.
const MAX_FIXES_PER_STREAM_MINUTE = 60;

function vehicleFeed(call, callback) {
  let device;
  try {
    device = requireVehicle(call);
  } catch (err) {
    const e = err instanceof AuthError ? err : { code: grpc.status.INTERNAL, details: 'auth failure' };
    callback({ code: e.code, details: e.details });
    return;
  }

  let accepted = 0;
  let rejected = 0;
  let windowStart = Date.now();
  let inWindow = 0;
  let bound = false;

  call.on('data', async (pos) => {
    const now = Date.now();
    if (now - windowStart > 60_000) {
      windowStart = now;
      inWindow = 0;
    }
    inWindow += 1;
    if (inWindow > MAX_FIXES_PER_STREAM_MINUTE) {
      call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'too many fixes' });
      return;
    }
    // The first fix must come from the bus the token was issued to; after
    // that the modem multiplexes trailer units (articulated buses) on the same stream.
    if (!bound) {
      if (pos.vehicleId !== device.vehicleId) {
        rejected += 1;
        return;
      }
      bound = true;
    }
    call.pause();
    try {
      await positions.record(pos);
      accepted += 1;
    } catch (err) {
      rejected += 1;
      log.warn({ err, vehicle: pos.vehicleId }, 'position write failed');
    } finally {
      call.resume();
    }
  });
  call.on('end', () => callback(null, { accepted, rejected }));
  call.on('error', (err) => log.debug({ err }, 'vehicle feed error'));
}

module.exports = { vehicleFeed };

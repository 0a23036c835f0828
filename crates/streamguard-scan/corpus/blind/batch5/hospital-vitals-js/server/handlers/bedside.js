'use strict';
const grpc = require('@grpc/grpc-js');
const { authenticate } = require('../auth');
const monitorBus = require('../monitorBus');

const MAX_PER_SECOND = 50;

// Bedside monitors authenticate with a device token (sub = "device:<bed>") and keep the
// stream open for the whole shift.
function streamBedside(call, callback) {
  const claims = authenticate(call, callback);
  if (!claims) return;
  const bedId = String(claims.sub || '').replace(/^device:/, '');

  let accepted = 0;
  let dropped = 0;
  let windowStart = Date.now();
  let inWindow = 0;

  call.on('data', (reading) => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow > MAX_PER_SECOND) {
      dropped++;
      return;
    }
    monitorBus.record(bedId, reading.kind, reading.value, Number(reading.tsMs) || now);
    accepted++;
  });
  call.on('end', () => callback(null, { accepted, dropped }));
  call.on('error', () => {});
}

module.exports = streamBedside;

'use strict';

const grpc = require('@grpc/grpc-js');
const { authenticate } = require('../auth');
const climate = require('../clients/climate');

const MIN_INTERVAL_MS = 2000;

function watchVault(call) {
  let claims;
  try {
    claims = authenticate(call);
  } catch (e) {
    call.destroy({ code: e.code, details: e.details });
    return;
  }
  const vaultId = call.request.vaultId;
  if (!claims.vaults.includes(vaultId)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'vault not assigned' });
    return;
  }

  const every = Math.max(call.request.intervalMs || 5000, MIN_INTERVAL_MS);
  const timer = setInterval(() => {
    climate.readSensors(vaultId, (err, snap) => {
      if (err) {
        call.write({ vaultId, unixMs: Date.now(), temperatureC: NaN });
        return;
      }
      call.write({
        vaultId,
        temperatureC: snap.temperatureC,
        relativeHumidity: snap.relativeHumidity,
        doorOpen: snap.doorOpen,
        unixMs: Date.now(),
      });
    });
  }, every);

  call.on('error', () => clearInterval(timer));
}

module.exports = { watchVault };

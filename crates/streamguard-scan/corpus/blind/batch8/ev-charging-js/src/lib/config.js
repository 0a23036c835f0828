'use strict';

// Configuration comes from the environment only; the chargers' site controllers
// template these values in at deploy time.
function required(name) {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set; see deploy/gateway.env.example`);
  }
  return v;
}

module.exports = {
  listen: process.env.GATEWAY_LISTEN || '0.0.0.0:9443',
  tariffsListen: process.env.TARIFFS_LISTEN || '0.0.0.0:9450',
  billingAddr: process.env.BILLING_ADDR || 'billing.internal:9460',
  pgUrl: process.env.DATABASE_URL || 'postgres://evnet@localhost/evnet',
  chargerSecret: () => required('CHARGER_TOKEN_SECRET'),
  driverJwtPublicKey: () => required('DRIVER_JWT_PUBLIC_KEY'),
  driverAudience: process.env.DRIVER_AUDIENCE || 'ev-gateway',
  maxFramesPerSecond: Number(process.env.MAX_FRAMES_PER_SECOND || 25),
};

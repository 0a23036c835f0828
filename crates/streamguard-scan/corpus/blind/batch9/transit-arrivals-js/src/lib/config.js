'use strict';

function env(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === '') {
    if (fallback === undefined) throw new Error(`missing environment variable ${name}`);
    return fallback;
  }
  return v;
}

module.exports = {
  listen: env('ARRIVALS_LISTEN', '0.0.0.0:50061'),
  jwtPublicKeyFile: env('ARRIVALS_JWT_PUBLIC_KEY', '/etc/arrivals/jwt.pem'),
  jwtIssuer: env('ARRIVALS_JWT_ISSUER', 'https://id.metrotransit.example'),
  jwtAudience: env('ARRIVALS_JWT_AUDIENCE', 'arrivals'),
  deviceKeySecret: env('ARRIVALS_DEVICE_SECRET', ''),
  predictionsUrl: env('PREDICTIONS_URL', 'http://predictions.internal:8080'),
  routerAddr: env('ROUTER_ADDR', 'router.internal:50071'),
  redisUrl: env('REDIS_URL', 'redis://127.0.0.1:6379/2'),
  pollMs: Number(env('ARRIVALS_POLL_MS', '15000')),
};

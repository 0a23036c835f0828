export const config = {
  listen: process.env.FLEET_LISTEN ?? '0.0.0.0:50110',
  jwtSecret: new TextEncoder().encode(process.env.FLEET_JWT_SECRET ?? ''),
  issuer: 'https://login.sunroof.example',
  audience: 'inverter-fleet',
  vendorCloud: process.env.VENDOR_CLOUD_URL ?? 'https://api.inverter-vendor.example',
  vendorKey: process.env.VENDOR_API_KEY ?? '',
  setpointAddr: process.env.SETPOINT_ADDR ?? 'setpoints.sunroof.internal:50111',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  yieldBucket: process.env.YIELD_BUCKET ?? 'sunroof-yield-logs',
  samplePeriodMs: 10_000,
  commandsPerMinute: 30,
};

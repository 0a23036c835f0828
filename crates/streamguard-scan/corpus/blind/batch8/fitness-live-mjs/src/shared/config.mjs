export const config = Object.freeze({
  studioListen: process.env.STUDIO_LISTEN ?? '0.0.0.0:50070',
  bridgeListen: process.env.BRIDGE_LISTEN ?? '0.0.0.0:50071',
  statsAddr: process.env.STATS_ADDR ?? 'stats.internal:50090',
  jwtPublicKey: process.env.RIDER_JWT_PUBLIC_KEY ?? '',
  jwtAudience: process.env.RIDER_JWT_AUDIENCE ?? 'studio',
  uploadBucketUrl: process.env.UPLOAD_BUCKET_URL ?? 'http://minio.internal:9000/ride-files',
  maxUploadBytes: 20 * 1024 * 1024,
  serialPath: process.env.BIKE_SERIAL ?? '/dev/ttyACM0',
});

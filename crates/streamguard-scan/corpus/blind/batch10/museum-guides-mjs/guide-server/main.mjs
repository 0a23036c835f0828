import grpc from '@grpc/grpc-js';
import pino from 'pino';
import services from '../gen/museum/guide/v1/guide_grpc_pb.js';
import { startRevocationFeed } from './revocations.mjs';
import { makeTourSession } from './handlers/tour.mjs';
import { makeWatchGallery } from './handlers/gallery.mjs';
import { makeDownloadTour } from './handlers/download.mjs';

const log = pino({ name: 'guide-server' });

await startRevocationFeed();

const server = new grpc.Server({
  'grpc.max_connection_age_ms': 30 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 15 * 1000,
  'grpc.keepalive_time_ms': 60 * 1000,
});

server.addService(services.GuideServiceService, {
  tourSession: makeTourSession({ log }),
  watchGallery: makeWatchGallery({ log }),
  downloadTour: makeDownloadTour({ log }),
});

server.bindAsync(process.env.LISTEN ?? '0.0.0.0:50080', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  log.info({ port }, 'guide server up');
});

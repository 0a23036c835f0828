'use strict';

// Photo desk: an internal feed for the picture editors' workstations on the newsroom LAN.
const grpc = require('@grpc/grpc-js');
const log = require('pino')({ name: 'photo-desk' });
const services = require('./generated/photo_grpc_pb');
const config = require('../lib/config');
const { spool, watchPhotos, listAlbums } = require('./watch');

function main() {
  spool.start();
  const server = new grpc.Server({ 'grpc.keepalive_time_ms': 60_000 });
  server.addService(services.PhotoDeskService, { watchPhotos, listAlbums });
  server.bindAsync(config.photoListen, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) throw err;
    log.info({ port }, 'photo-desk listening');
  });
}

main();

'use strict';

const { watchCarousel } = require('./handlers/carousel');
const { scannerLink } = require('./handlers/scanner');
const { listMishandled } = require('./handlers/mishandled');
const { getBag } = require('./handlers/bags');

// Method names as in the service definition loaded by proto-loader.
module.exports = {
  WatchCarousel: watchCarousel,
  ScannerLink: scannerLink,
  ListMishandled: listMishandled,
  GetBag: getBag,
};

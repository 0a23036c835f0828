'use strict';

const grpc = require('@grpc/grpc-js');
const services = require('../gen/marketdata_grpc_pb');

const FEED_ADDR = process.env.EXCHANGE_ADAPTER_ADDR || 'exchange-adapter:7400';

const feedClient = new services.MarketDataClient(FEED_ADDR, grpc.credentials.createInsecure(), {
  'grpc.service_config': JSON.stringify({
    methodConfig: [{ name: [{ service: 'md.v1.MarketData' }], retryPolicy: {
      maxAttempts: 3, initialBackoff: '0.1s', maxBackoff: '1s', backoffMultiplier: 2,
      retryableStatusCodes: ['UNAVAILABLE'],
    } }],
  }),
});

module.exports = { feedClient };

'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(path.resolve(__dirname, '../proto/venue_gateway.proto'), { keepCase: false, longs: String });
const { venuegw } = grpc.loadPackageDefinition(def);

const ENDPOINTS = {
  CME: process.env.VENUE_CME || 'venuegw-cme:9000',
  EUREX: process.env.VENUE_EUREX || 'venuegw-eurex:9000',
  ICE: process.env.VENUE_ICE || 'venuegw-ice:9000',
};

const clients = new Map();

function clientFor(venue) {
  if (!ENDPOINTS[venue]) throw new Error(`unknown venue ${venue}`);
  if (!clients.has(venue)) {
    clients.set(venue, new venuegw.v1.VenueGateway(ENDPOINTS[venue], grpc.credentials.createInsecure()));
  }
  return clients.get(venue);
}

function submit(venue, order, options) {
  return new Promise((resolve, reject) => {
    clientFor(venue).submitOrder(order, options, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

function cancelAll(account, options) {
  const calls = Object.keys(ENDPOINTS).map(
    (venue) => new Promise((resolve, reject) => {
      clientFor(venue).cancelAll({ account }, options, (err, res) => (err ? reject(err) : resolve(res.cancelled)));
    }),
  );
  return Promise.all(calls).then((counts) => counts.reduce((a, b) => a + b, 0));
}

module.exports = { submit, cancelAll };

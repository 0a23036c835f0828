'use strict';

const grpc = require('@grpc/grpc-js');
const protos = require('../lib/protos');
const config = require('../lib/config');

const { Billing } = protos.tariffs();
const client = new Billing(config.billingAddr, grpc.credentials.createInsecure());

// The billing box answers in tens of milliseconds; five seconds is generous.
const BILLING_TIMEOUT_MS = 5000;

function unary(method, req, parent) {
  const opts = { deadline: Date.now() + BILLING_TIMEOUT_MS };
  if (parent) {
    // Tie billing calls to the charger link so that a dropped link stops them.
    opts.parent = parent;
    opts.propagate_flags = grpc.propagate.CANCELLATION;
  }
  return new Promise((resolve, reject) => {
    client[method](req, opts, (err, reply) => (err ? reject(err) : resolve(reply)));
  });
}

module.exports = {
  authorizeIdTag: (req, parent) => unary('authorizeIdTag', req, parent),
  recordMeter: (req, parent) => unary('recordMeter', req, parent),
  closeTransaction: (req, parent) => unary('closeTransaction', req, parent),
};

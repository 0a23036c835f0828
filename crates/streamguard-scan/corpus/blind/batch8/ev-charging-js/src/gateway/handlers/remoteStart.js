'use strict';

const grpc = require('@grpc/grpc-js');
const crypto = require('node:crypto');
const { links } = require('./chargerLink');
const { authenticate } = require('../auth');

function remoteStart(call, callback) {
  let driver;
  try {
    driver = authenticate(call, 'driver');
  } catch (err) {
    callback({ code: err.code, details: err.details });
    return;
  }
  if (!driver.scopes.includes('charge:start')) {
    callback({ code: grpc.status.PERMISSION_DENIED, details: 'charge:start scope required' });
    return;
  }
  const link = links.get(call.request.chargerId);
  if (!link) {
    callback(null, { accepted: false });
    return;
  }
  link.write({
    messageId: crypto.randomUUID(),
    remoteStart: { connectorId: call.request.connectorId, idTag: call.request.idTag },
  });
  callback(null, { accepted: true });
}

module.exports = { remoteStart };

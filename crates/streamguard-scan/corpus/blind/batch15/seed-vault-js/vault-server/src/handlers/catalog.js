'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { authenticate, hasScope } = require('../auth');
const config = require('../config');

const def = protoLoader.loadSync(path.join(__dirname, '../../../proto/seedvault/v1/vault.proto'), {
  keepCase: false,
  defaults: true,
});
// The catalogue service of the herbarium speaks the same Accession messages.
const { Vault: CatalogClient } = grpc.loadPackageDefinition(def).seedvault.v1;
const catalog = new CatalogClient(config.catalogAddr, grpc.credentials.createInsecure());

function listAccessions(call) {
  let claims;
  try {
    claims = authenticate(call);
  } catch (e) {
    call.destroy({ code: e.code, details: e.details });
    return;
  }
  if (!hasScope(claims, 'catalog:read')) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'catalog:read required' });
    return;
  }
  const limit = Math.min(call.request.limit || 500, 5000);
  const upstream = catalog.listAccessions({ genus: call.request.genus, limit }, { parent: call });
  upstream.on('data', (acc) => call.write(acc));
  upstream.on('error', (err) => call.destroy({ code: err.code || grpc.status.UNAVAILABLE, details: err.details }));
  upstream.on('end', () => call.end());
}

function getAccession(call, callback) {
  try {
    authenticate(call);
  } catch (e) {
    callback({ code: e.code, details: e.details });
    return;
  }
  catalog.getAccession(call.request, { deadline: Date.now() + 30_000 }, callback);
}

module.exports = { listAccessions, getAccession };
